package dev.marquee.demo;

import dev.marquee.experiment.audience.AudienceDraft;
import dev.marquee.experiment.audience.AudienceGroup;
import dev.marquee.experiment.audience.AudienceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The demo's audience groups, created in plan order (each new group goes just before the default
 * group, so the plan's order is the resolution order).
 */
@ApplicationScoped
class DemoAudiences {
  @Inject AudienceService audiences;

  /**
   * Creates the groups that do not exist yet.
   *
   * @return every group id by name, the default group's included
   */
  Map<String, UUID> ensure(List<DemoPlan.GroupPlan> plan) {
    Map<String, UUID> byName = byName();
    for (DemoPlan.GroupPlan group : plan) {
      if (!byName.containsKey(group.name())) {
        AudienceGroup created =
            audiences.create(
                new AudienceDraft(group.name(), group.description(), group.rules()),
                DemoCatalogLoader.ACTOR);
        byName.put(created.getName(), created.getId());
      }
    }
    return byName;
  }

  /** Every group id by name. */
  Map<String, UUID> byName() {
    return AllPages.of(audiences::list).stream()
        .collect(
            Collectors.toMap(
                AudienceGroup::getName, AudienceGroup::getId, (a, b) -> a, java.util.HashMap::new));
  }
}
