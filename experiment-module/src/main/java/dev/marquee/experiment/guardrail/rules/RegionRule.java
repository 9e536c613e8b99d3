package dev.marquee.experiment.guardrail.rules;

import java.util.Set;
import java.util.UUID;

/**
 * A variant, or every variant showing a cast member, forbidden for viewers in any of the countries
 * (ISO 3166-1 alpha-2) or subdivisions (ISO 3166-2). Exactly one of {@code variantId} and {@code
 * cast} is set.
 *
 * @param cast a cast member's name, compared case-insensitively with the values of CAST tags
 */
public record RegionRule(Set<String> countries, Set<String> regions, UUID variantId, String cast) {
  public RegionRule {
    if ((variantId == null) == (cast == null)) {
      throw new IllegalArgumentException("exactly one of variantId and cast");
    }
    countries = Set.copyOf(countries);
    regions = Set.copyOf(regions);
  }
}
