package dev.marquee.demo;

import dev.marquee.catalog.CatalogService;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.experiment.feed.row.FeedRowService;
import dev.marquee.experiment.guardrail.GuardrailPolicy;
import dev.marquee.experiment.guardrail.GuardrailPolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * What the demo's feed answers depend on besides artwork and experiments: the guardrail policy (set
 * only while it is still the untouched default) and the named feed rows (created when missing).
 */
@ApplicationScoped
class DemoDelivery {
  @Inject GuardrailPolicyService guardrails;
  @Inject FeedRowService rows;
  @Inject CatalogService catalog;

  void ensureGuardrails(DemoPlan.GuardrailPlan plan) {
    GuardrailPolicy current = guardrails.current();
    if (current.getVersion() == 0) {
      guardrails.replace(0L, plan.draft(), DemoCatalogLoader.ACTOR);
    }
  }

  void ensureRows(List<DemoPlan.RowPlan> plan) {
    for (DemoPlan.RowPlan row : plan) {
      try {
        rows.get(row.name());
      } catch (ResourceNotFoundException absent) {
        List<UUID> entries =
            row.entries().stream().map(e -> catalog.getByExternalId(e).getId()).toList();
        rows.put(row.name(), false, null, row.title(), entries, DemoCatalogLoader.ACTOR);
      }
    }
  }
}
