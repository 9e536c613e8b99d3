package dev.marquee.experiment.decision;

import dev.marquee.experiment.stats.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What deciding answered: a recorded decision (WINNER or NO_WINNER, with who and when), or CONTINUE
 * when the rule is not met yet and nothing changed.
 *
 * @param statistics JSON snapshot the evaluation was made on
 * @param promotionIds the proposals handed to publishing (WINNER only; one per audience group)
 */
public record DecisionReport(
    UUID experimentId,
    Verdict.Outcome outcome,
    UUID winningArmId,
    UUID winningVariantId,
    List<UUID> stoppedArmIds,
    String explanation,
    String statistics,
    String decidedBy,
    Instant decidedAt,
    List<UUID> promotionIds) {

  public DecisionReport {
    stoppedArmIds = List.copyOf(stoppedArmIds);
    promotionIds = List.copyOf(promotionIds);
  }

  static DecisionReport of(ExperimentDecision d, List<UUID> promotionIds) {
    return new DecisionReport(
        d.getExperimentId(),
        d.getOutcome(),
        d.getWinningArmId(),
        d.getWinningVariantId(),
        d.getStoppedArmIds(),
        d.getExplanation(),
        d.getStatistics(),
        d.getDecidedBy(),
        d.getDecidedAt(),
        promotionIds);
  }
}
