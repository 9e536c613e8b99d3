package dev.marquee.experiment.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An experiment as a client writes it.
 *
 * @param bandit required with mode BANDIT, absent with AB
 */
public record ExperimentDraft(
    UUID entryId,
    String name,
    List<UUID> audienceGroupIds,
    List<ArmDraft> arms,
    double coverage,
    ExperimentMetric primaryMetric,
    ExperimentMetric secondaryMetric,
    Integer qualifiedPlaySeconds,
    ExperimentMetric guardrailMetric,
    ExperimentMode mode,
    Instant scheduleStart,
    Instant scheduleEnd,
    boolean autoPublish,
    BanditSettings bandit) {

  /** An A/B draft (no bandit settings). */
  public ExperimentDraft(
      UUID entryId,
      String name,
      List<UUID> audienceGroupIds,
      List<ArmDraft> arms,
      double coverage,
      ExperimentMetric primaryMetric,
      ExperimentMetric secondaryMetric,
      Integer qualifiedPlaySeconds,
      ExperimentMetric guardrailMetric,
      ExperimentMode mode,
      Instant scheduleStart,
      Instant scheduleEnd,
      boolean autoPublish) {
    this(
        entryId,
        name,
        audienceGroupIds,
        arms,
        coverage,
        primaryMetric,
        secondaryMetric,
        qualifiedPlaySeconds,
        guardrailMetric,
        mode,
        scheduleStart,
        scheduleEnd,
        autoPublish,
        null);
  }

  public ExperimentDraft {
    audienceGroupIds = audienceGroupIds == null ? List.of() : List.copyOf(audienceGroupIds);
    arms = arms == null ? List.of() : List.copyOf(arms);
    mode = mode == null ? ExperimentMode.AB : mode;
  }

  /** The arms' weights in order. */
  double[] weights() {
    return arms.stream().mapToDouble(ArmDraft::weight).toArray();
  }
}
