package dev.marquee.experiment.stats;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927): it stays inside [0, 1] and
 * keeps close to nominal coverage at small counts and extreme rates, unlike the Wald interval.
 */
public final class WilsonInterval {

  private WilsonInterval() {}

  /** Two-sided interval at {@code confidence} (e.g. 0.95); [0, 1] when there are no trials. */
  public static Interval of(BinomialCounts counts, double confidence) {
    long n = counts.trials();
    if (n == 0) {
      return new Interval(0, 1);
    }
    double z = NormalDistribution.quantile(0.5 + confidence / 2);
    double p = counts.rate();
    double z2n = z * z / n;
    double center = (p + z2n / 2) / (1 + z2n);
    double halfWidth = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4 * n));
    return new Interval(Math.max(0, center - halfWidth), Math.min(1, center + halfWidth));
  }
}
