package dev.marquee.experiment.decision;

import dev.marquee.experiment.stats.Verdict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The decision that ended an experiment: WINNER (a treatment arm, whose variant was proposed for
 * publishing) or NO_WINNER (the control stays, nothing is proposed), with the statistics snapshot
 * behind it. Immutable.
 */
@Entity
@Table(name = "experiment_decision")
public class ExperimentDecision {
  @Id
  @Column(name = "experiment_id")
  private UUID experimentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Verdict.Outcome outcome;

  @Column(name = "winning_arm_id")
  private UUID winningArmId;

  @Column(name = "winning_variant_id")
  private UUID winningVariantId;

  /** Comma-separated arm ids. */
  @Column(name = "stopped_arm_ids", nullable = false, length = 2000)
  private String stoppedArmIds;

  @Column(nullable = false, length = 2000)
  private String explanation;

  /** JSON snapshot of the statistics and rule the decision was taken on. */
  @Column(nullable = false, length = 1_000_000)
  private String statistics;

  @Column(name = "decided_by", nullable = false, length = 200)
  private String decidedBy;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected ExperimentDecision() {}

  ExperimentDecision(
      UUID experimentId,
      Verdict.Outcome outcome,
      UUID winningArmId,
      UUID winningVariantId,
      List<String> stoppedArmIds,
      String explanation,
      String statistics,
      String actor,
      Instant now) {
    if (outcome == Verdict.Outcome.CONTINUE) {
      throw new IllegalArgumentException("CONTINUE is no decision");
    }
    this.experimentId = experimentId;
    this.outcome = outcome;
    this.winningArmId = winningArmId;
    this.winningVariantId = winningVariantId;
    this.stoppedArmIds = String.join(",", stoppedArmIds);
    this.explanation = explanation.length() > 2000 ? explanation.substring(0, 2000) : explanation;
    this.statistics = statistics;
    this.decidedBy = actor;
    this.decidedAt = now;
  }

  public UUID getExperimentId() {
    return experimentId;
  }

  public Verdict.Outcome getOutcome() {
    return outcome;
  }

  public UUID getWinningArmId() {
    return winningArmId;
  }

  public UUID getWinningVariantId() {
    return winningVariantId;
  }

  public List<UUID> getStoppedArmIds() {
    return stoppedArmIds.isEmpty()
        ? List.of()
        : Arrays.stream(stoppedArmIds.split(",")).map(UUID::fromString).toList();
  }

  public String getExplanation() {
    return explanation;
  }

  public String getStatistics() {
    return statistics;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
