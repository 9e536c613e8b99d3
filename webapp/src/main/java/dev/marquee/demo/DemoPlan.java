package dev.marquee.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.experiment.audience.rules.AudienceRule;
import dev.marquee.experiment.guardrail.GuardrailPolicyDraft;
import dev.marquee.experiment.guardrail.PolicyFlag;
import dev.marquee.experiment.guardrail.PolicyRegionRule;
import dev.marquee.experiment.lifecycle.ExperimentMetric;
import dev.marquee.experiment.stats.DecisionRule;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.tagging.TagRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the demo sets up besides its catalog, as written in {@code
 * dev/marquee/demo/setup.json}: the tile template, which photograph each title gets and where its
 * tags sit on it, the audience groups, guardrails, feed rows, the experiments and the delivery app.
 */
record DemoPlan(
    TemplatePlan template,
    Map<String, ImagePlan> images,
    List<EntryArtwork> artwork,
    List<GroupPlan> audienceGroups,
    GuardrailPlan guardrails,
    List<RowPlan> rows,
    List<ExperimentPlan> experiments,
    AppPlan deliveryApp) {

  static final String RESOURCE = "setup.json";

  /** Reads the plan shipped with Marquee. */
  static DemoPlan load() {
    try (InputStream json = DemoPlan.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(json, RESOURCE + " is missing from the WAR");
      return new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(json, DemoPlan.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo plan " + RESOURCE, e);
    }
  }

  /** The plan of one entry's artwork, if it has one. */
  EntryArtwork artworkOf(String externalId) {
    return artwork.stream().filter(a -> a.entry().equals(externalId)).findFirst().orElse(null);
  }

  /** The template every demo variant is rendered with; {@code definition} as the API takes it. */
  record TemplatePlan(String name, String description, JsonNode definition) {}

  /** A photograph shipped in the WAR and the named areas of it that regions can use. */
  record ImagePlan(String file, Map<String, Area> areas) {}

  /** A rectangle in fractions of the image. */
  record Area(double x, double y, double width, double height) {
    NormalizedRect rect() {
      return new NormalizedRect(x, y, width, height);
    }
  }

  /** The source images of one entry (by external id), oldest first. */
  record EntryArtwork(String entry, List<ImageUse> images) {}

  /** One photograph used for an entry, with the tags framed on it. */
  record ImageUse(String image, List<RegionPlan> regions) {}

  /**
   * A tagged region. With {@code face}, the face detector's suggestion for that area is accepted as
   * the region when it made one (an editor's "accept"), else the area is drawn by hand.
   */
  record RegionPlan(String tag, String area, boolean face) {
    TagRef tagRef() {
      return TagRef.parse(tag, "tag");
    }
  }

  /** An audience group; groups are created in this order, before the default group. */
  record GroupPlan(String name, String description, List<AudienceRule> rules) {}

  /** The guardrail policy the demo sets (replacing the untouched default). */
  record GuardrailPlan(
      List<PolicyFlag> maturityFlags, AgeLimits ageLimits, List<PolicyRegionRule> regionRules) {
    GuardrailPolicyDraft draft() {
      return new GuardrailPolicyDraft(
          maturityFlags, ageLimits.kids(), ageLimits.teen(), regionRules);
    }
  }

  /** The highest entry minimum age kids and teens may be shown. */
  record AgeLimits(int kids, int teen) {}

  /** A named feed row of entries (external ids) in order. */
  record RowPlan(String name, String title, List<String> entries) {}

  /**
   * An experiment on one entry for one audience group. Each arm is the entry's demo-tile variant
   * framed on {@code framing} (a tag with a region on the entry's first image), or the untagged one
   * when {@code framing} is null.
   */
  record ExperimentPlan(
      String name,
      String entry,
      String audienceGroup,
      List<ArmPlan> arms,
      ExperimentMetric primaryMetric,
      RulePlan decisionRule) {}

  /** One arm. */
  record ArmPlan(String name, String framing, boolean control) {}

  /** The decision rule, evaluated on the server's schedule; thresholds not named keep defaults. */
  record RulePlan(DecisionRule.Kind kind, double alpha, long minimumSamplePerArm) {
    DecisionRule rule() {
      DecisionRule d = DecisionRule.DEFAULT;
      return new DecisionRule(
          kind,
          alpha,
          minimumSamplePerArm,
          d.probabilityBestThreshold(),
          d.expectedLossThreshold(),
          d.guardrailAlpha());
    }
  }

  /** The delivery app the page and the simulator use. */
  record AppPlan(String name, String description, int requestsPerSecond, int burst) {}
}
