package dev.marquee.experiment.guardrail;

import java.util.List;
import java.util.UUID;

/** A region rule as written: exactly one of {@code variantId} and {@code cast}. */
public record PolicyRegionRule(
    List<String> countries, List<String> regions, UUID variantId, String cast, String note) {
  public PolicyRegionRule {
    countries = countries == null ? List.of() : List.copyOf(countries);
    regions = regions == null ? List.of() : List.copyOf(regions);
  }
}
