package dev.marquee.experiment.stats;

/**
 * Sample-ratio-mismatch check: Pearson's chi-square goodness-of-fit of the units observed per arm
 * against the configured traffic weights. A mismatch means assignment or logging is broken, so
 * every other statistic of the experiment is suspect.
 */
public final class SampleRatioMismatch {

  /** p-values below this flag a mismatch; strict because the check runs on every look. */
  public static final double DEFAULT_THRESHOLD = 0.001;

  private SampleRatioMismatch() {}

  /** The check result. */
  public record Result(double chiSquare, int degreesOfFreedom, double pValue, boolean mismatch) {}

  /**
   * Tests {@code observed} against {@code weights} (normalised here) at {@link #DEFAULT_THRESHOLD}.
   */
  public static Result test(long[] observed, double[] weights) {
    return test(observed, weights, DEFAULT_THRESHOLD);
  }

  /** Tests {@code observed} against {@code weights}; flags a mismatch when p < threshold. */
  public static Result test(long[] observed, double[] weights, double threshold) {
    if (observed.length != weights.length || observed.length < 2) {
      throw new IllegalArgumentException("need one positive weight per arm and at least two arms");
    }
    double totalWeight = 0;
    long total = 0;
    for (int i = 0; i < observed.length; i++) {
      if (!(weights[i] > 0)) {
        throw new IllegalArgumentException("weights must be positive");
      }
      totalWeight += weights[i];
      total += observed[i];
    }
    if (total == 0) {
      return new Result(0, observed.length - 1, 1, false);
    }
    double chiSquare = 0;
    for (int i = 0; i < observed.length; i++) {
      double expected = total * weights[i] / totalWeight;
      double d = observed[i] - expected;
      chiSquare += d * d / expected;
    }
    int df = observed.length - 1;
    double p = ChiSquareDistribution.sf(chiSquare, df);
    return new Result(chiSquare, df, p, p < threshold);
  }
}
