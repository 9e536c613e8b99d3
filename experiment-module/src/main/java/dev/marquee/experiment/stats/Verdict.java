package dev.marquee.experiment.stats;

import java.util.List;

/**
 * What a decision rule concluded.
 *
 * @param winningArmId the winning treatment arm (WINNER only)
 * @param stoppedArmIds treatment arms stopped by a guardrail breach
 * @param explanation why, in one sentence for people
 */
public record Verdict(
    Outcome outcome, String winningArmId, List<String> stoppedArmIds, String explanation) {

  /** WINNER: a treatment arm won; NO_WINNER: the control stays; CONTINUE: not yet decidable. */
  public enum Outcome {
    WINNER,
    NO_WINNER,
    CONTINUE
  }

  public Verdict {
    stoppedArmIds = List.copyOf(stoppedArmIds);
    if ((outcome == Outcome.WINNER) != (winningArmId != null)) {
      throw new IllegalArgumentException("exactly a WINNER names a winning arm");
    }
  }
}
