package dev.marquee.demo;

import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.CatalogService;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.experiment.decision.DecisionReport;
import dev.marquee.experiment.decision.DecisionService;
import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.ArmDraft;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentDraft;
import dev.marquee.experiment.lifecycle.ExperimentFilter;
import dev.marquee.experiment.lifecycle.ExperimentMode;
import dev.marquee.experiment.lifecycle.ExperimentService;
import dev.marquee.experiment.lifecycle.ExperimentState;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageService;
import dev.marquee.render.variant.Variant;
import dev.marquee.render.variant.VariantService;
import dev.marquee.tagging.TagRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo's experiments: created from rendered variants, given their decision rule (evaluated on
 * the server's schedule) and started; set to auto-publish, so a decision publishes the winner for
 * the audience group without a second person. Also describes them for the /demo page and the
 * traffic simulator.
 */
@ApplicationScoped
class DemoExperiments {
  @Inject CatalogService catalog;
  @Inject DemoTags tags;
  @Inject SourceImageService images;
  @Inject VariantService variants;
  @Inject ExperimentService experiments;
  @Inject DecisionService decisions;

  /** Creates, configures and starts each planned experiment that is not running yet. */
  void ensure(DemoPlan plan, Map<String, UUID> groups) {
    for (DemoPlan.ExperimentPlan x : plan.experiments()) {
      UUID entryId = catalog.getByExternalId(x.entry()).getId();
      Experiment experiment =
          find(entryId, x.name()).orElseGet(() -> create(plan, x, entryId, groups));
      if (experiment.getState() == ExperimentState.DRAFT) {
        decisions.setPolicy(
            experiment.getId(), null, x.decisionRule().rule(), true, DemoCatalogLoader.ACTOR);
        experiments.start(experiment.getId(), null, DemoCatalogLoader.ACTOR);
      }
    }
  }

  private Experiment create(
      DemoPlan plan, DemoPlan.ExperimentPlan x, UUID entryId, Map<String, UUID> groups) {
    UUID group = groups.get(x.audienceGroup());
    if (group == null) {
      throw new IllegalStateException(
          "demo experiment '" + x.name() + "' names no planned group: " + x.audienceGroup());
    }
    List<ArmDraft> arms = new ArrayList<>();
    for (DemoPlan.ArmPlan arm : x.arms()) {
      arms.add(
          new ArmDraft(
              arm.name(),
              variantFramedOn(entryId, plan.template().name(), arm.framing()),
              arm.control(),
              1.0 / x.arms().size()));
    }
    return experiments.create(
        new ExperimentDraft(
            entryId,
            x.name(),
            List.of(group),
            arms,
            1.0,
            x.primaryMetric(),
            null,
            null,
            null,
            ExperimentMode.AB,
            null,
            null,
            true),
        DemoCatalogLoader.ACTOR);
  }

  /**
   * The entry's variant of the template on its first source image, framed on the tag (or the
   * untagged one when {@code framing} is null).
   */
  private UUID variantFramedOn(UUID entryId, String template, String framing) {
    SourceImage first = images.list(entryId).get(0);
    UUID tagId = framing == null ? null : tags.idOf(entryId, TagRef.parse(framing, "framing"));
    return AllPages.of((cursor, limit) -> variants.list(entryId, tagId, template, cursor, limit))
        .stream()
        .filter(v -> v.getSourceImageId().equals(first.getId()))
        .filter(v -> framing != null || v.getTagId() == null)
        .map(Variant::getId)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "demo entry "
                        + entryId
                        + " has no rendered "
                        + template
                        + " variant framed on "
                        + (framing == null ? "no tag" : framing)));
  }

  private Optional<Experiment> find(UUID entryId, String name) {
    return AllPages.of(
            (cursor, limit) ->
                experiments.list(new ExperimentFilter(entryId, null, null), cursor, limit))
        .stream()
        .filter(x -> x.getName().equals(name))
        .findFirst();
  }

  /**
   * The planned experiments as they are now, for the curious (the page's "behind the scenes") and
   * for the traffic simulator, which reads each arm's framing to play its viewers' preferences.
   */
  @Transactional
  List<Map<String, Object>> describe(DemoPlan plan) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DemoPlan.ExperimentPlan x : plan.experiments()) {
      CatalogEntry entry;
      try {
        entry = catalog.getByExternalId(x.entry());
      } catch (ResourceNotFoundException gone) {
        continue;
      }
      Optional<Experiment> found = find(entry.getId(), x.name());
      if (found.isEmpty()) {
        continue;
      }
      Experiment experiment = found.get();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", experiment.getId().toString());
      d.put("name", experiment.getName());
      d.put("entryId", entry.getId().toString());
      d.put("entryTitle", entry.getTitle());
      d.put("audienceGroup", x.audienceGroup());
      d.put("state", experiment.getState().name());
      d.put("winningArm", winningArm(experiment));
      List<Map<String, Object>> arms = new ArrayList<>();
      for (Arm arm : experiment.getArms()) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", arm.getId().toString());
        a.put("name", arm.getName());
        a.put("variantId", arm.getVariantId().toString());
        a.put("control", arm.isControl());
        a.put(
            "framing",
            x.arms().stream()
                .filter(p -> p.name().equals(arm.getName()))
                .findFirst()
                .map(DemoPlan.ArmPlan::framing) // null for the title-only arm
                .orElse(null));
        arms.add(a);
      }
      d.put("arms", arms);
      out.add(d);
    }
    return out;
  }

  private String winningArm(Experiment experiment) {
    if (experiment.getState() != ExperimentState.DECIDED) {
      return null;
    }
    DecisionReport decision = decisions.decision(experiment.getId());
    return experiment.getArms().stream()
        .filter(a -> a.getId().equals(decision.winningArmId()))
        .map(Arm::getName)
        .findFirst()
        .orElse(null);
  }
}
