package dev.marquee.experiment.audience;

import dev.marquee.experiment.audience.rules.AudienceRule;
import java.util.List;

/**
 * A group as a client writes it. Tag keys in the rules are still as sent ({@code KIND:value});
 * {@link AudienceDraftValidator} checks and normalises them.
 */
public record AudienceDraft(String name, String description, List<AudienceRule> rules) {
  public AudienceDraft {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }
}
