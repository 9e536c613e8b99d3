package dev.marquee.experiment.audience.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves viewer facts to an audience group: groups in order, each group's rules in order, the
 * first rule that matches wins; when none does, the default group. Immutable and thread-safe; build
 * one per configuration version and share it.
 */
public final class AudienceResolver {
  private final List<GroupRules> ordered;
  private final GroupRules defaultGroup;

  /**
   * @param ordered the non-default groups in resolution order
   * @param defaultGroup the catch-all group (its rules are ignored)
   */
  public AudienceResolver(List<GroupRules> ordered, GroupRules defaultGroup) {
    this.ordered = List.copyOf(ordered);
    this.defaultGroup = Objects.requireNonNull(defaultGroup, "defaultGroup");
  }

  /** The matching group; the fast path for the feed (no trace is built). */
  public GroupRules resolve(ViewerFacts facts) {
    for (GroupRules group : ordered) {
      for (AudienceRule rule : group.rules()) {
        if (rule.matches(facts)) {
          return group;
        }
      }
    }
    return defaultGroup;
  }

  /** The matching group with the reason for every rule tried. */
  public Resolution explain(ViewerFacts facts) {
    List<RuleCheck> checks = new ArrayList<>();
    for (GroupRules group : ordered) {
      for (int i = 0; i < group.rules().size(); i++) {
        AudienceRule rule = group.rules().get(i);
        String reason = rule.mismatch(facts);
        boolean matched = AudienceRule.MATCHED.equals(reason);
        checks.add(new RuleCheck(group.groupId(), group.name(), i, matched, reason));
        if (matched) {
          return new Resolution(group, i, rule, checks);
        }
      }
    }
    return new Resolution(defaultGroup, -1, null, checks);
  }
}
