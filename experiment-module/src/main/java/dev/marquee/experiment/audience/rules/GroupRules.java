package dev.marquee.experiment.audience.rules;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One audience group as the resolver sees it: its id, name and ordered rules. */
public record GroupRules(UUID groupId, String name, List<AudienceRule> rules) {
  public GroupRules {
    Objects.requireNonNull(groupId, "groupId");
    rules = List.copyOf(rules);
  }
}
