package dev.marquee.experiment.stats;

/** A Beta(alpha, beta) posterior on an arm's conversion rate. */
public record BetaPosterior(double alpha, double beta) {

  public BetaPosterior {
    if (!(alpha > 0 && beta > 0)) {
      throw new IllegalArgumentException("Beta parameters must be positive");
    }
  }

  /** Posterior under a uniform Beta(1, 1) prior: Beta(1 + conversions, 1 + failures). */
  public static BetaPosterior fromCounts(BinomialCounts counts) {
    return new BetaPosterior(1 + counts.successes(), 1 + counts.failures());
  }

  /** α / (α + β). */
  public double mean() {
    return alpha / (alpha + beta);
  }

  /** αβ / ((α + β)²(α + β + 1)). */
  public double variance() {
    double s = alpha + beta;
    return alpha * beta / (s * s * (s + 1));
  }
}
