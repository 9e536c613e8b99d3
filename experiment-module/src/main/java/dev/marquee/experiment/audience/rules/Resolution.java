package dev.marquee.experiment.audience.rules;

import java.util.List;

/**
 * The outcome of resolving a viewer: the group, the rule that matched (null and index -1 for the
 * default group) and every rule tried on the way.
 */
public record Resolution(
    GroupRules group, int ruleIndex, AudienceRule rule, List<RuleCheck> checks) {
  public Resolution {
    checks = List.copyOf(checks);
  }

  /** Whether nothing matched and the viewer fell through to the default group. */
  public boolean isDefault() {
    return ruleIndex < 0;
  }
}
