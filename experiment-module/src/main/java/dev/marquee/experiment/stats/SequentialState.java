package dev.marquee.experiment.stats;

/**
 * What a sequential experiment carries from look to look: the always-valid p-value is the running
 * minimum of the per-look p-values and the confidence sequence the running intersection of the
 * per-look intervals (both stay valid under continuous monitoring, so the experimenter may stop
 * whenever p ≤ α). Immutable; persist it between looks.
 */
public record SequentialState(double alwaysValidPValue, Interval confidenceSequence, int looks) {

  /** Before the first look. */
  public static final SequentialState INITIAL =
      new SequentialState(1, new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), 0);

  /** The state after one more look. */
  public SequentialState after(SequentialLook look) {
    Interval cs = look.confidenceSequence();
    return new SequentialState(
        Math.min(alwaysValidPValue, look.pValue()),
        new Interval(
            Math.max(confidenceSequence.lower(), cs.lower()),
            Math.min(confidenceSequence.upper(), cs.upper())),
        looks + 1);
  }

  /** Whether H0 (no difference) is rejected at level {@code alpha}. */
  public boolean rejects(double alpha) {
    return alwaysValidPValue <= alpha;
  }
}
