package dev.marquee.experiment.guardrail.rules;

import dev.marquee.experiment.audience.rules.ProfileType;
import java.util.Set;

/**
 * Variants carrying {@code tagKey}, or rendered with {@code template}, are never shown to the
 * profile types in {@code blockedFor}. Exactly one of the two is set.
 *
 * @param tagKey a tag key as {@link dev.marquee.experiment.audience.rules.ViewerFacts#tagKey} makes
 *     it, or null
 * @param template a template name (every version), or null
 */
public record MaturityFlag(String tagKey, String template, Set<ProfileType> blockedFor) {
  public MaturityFlag {
    if ((tagKey == null) == (template == null)) {
      throw new IllegalArgumentException("exactly one of tagKey and template");
    }
    blockedFor = Set.copyOf(blockedFor);
  }
}
