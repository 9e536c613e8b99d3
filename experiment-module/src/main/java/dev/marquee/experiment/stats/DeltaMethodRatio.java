package dev.marquee.experiment.stats;

/**
 * Click-through rate with the viewer as the randomisation unit, analysed by the delta method (Deng,
 * Knoblich and Lu 2018, "Applying the Delta Method in Metric Analytics", §3): for R = M̄ / D̄ over
 * n viewers,
 *
 * <pre>Var(R) ≈ (s_M² − 2·R·s_MD + R²·s_D²) / (n·D̄²)</pre>
 *
 * with sample (n − 1) variances and covariance. A viewer's impressions are correlated (some viewers
 * click a lot), so treating impressions as independent Bernoulli trials understates the variance
 * and inflates false positives.
 */
public final class DeltaMethodRatio {

  private DeltaMethodRatio() {}

  /** The ratio and its variances; NaN variance with fewer than two viewers or no denominator. */
  public static RatioEstimate estimate(RatioSums s) {
    long n = s.units();
    if (n < 2 || s.denominator() <= 0) {
      double r = s.denominator() > 0 ? s.numerator() / s.denominator() : Double.NaN;
      return new RatioEstimate(r, Double.NaN, Double.NaN);
    }
    double meanM = s.numerator() / n;
    double meanD = s.denominator() / n;
    double r = meanM / meanD;
    double varM = (s.numeratorSquares() - n * meanM * meanM) / (n - 1);
    double varD = (s.denominatorSquares() - n * meanD * meanD) / (n - 1);
    double covMD = (s.crossProducts() - n * meanM * meanD) / (n - 1);
    double variance = Math.max(0, (varM - 2 * r * covMD + r * r * varD) / (n * meanD * meanD));
    double naive = r * (1 - r) / s.denominator();
    return new RatioEstimate(r, variance, naive);
  }

  /** Treatment minus control ratio with a Wald interval and two-sided z-test p-value. */
  public record Comparison(double difference, Interval interval, double z, double pValue) {}

  /** Compares two independent arms' ratios at two-sided {@code confidence}. */
  public static Comparison compare(RatioSums control, RatioSums treatment, double confidence) {
    RatioEstimate c = estimate(control);
    RatioEstimate t = estimate(treatment);
    double diff = t.ratio() - c.ratio();
    double se = Math.sqrt(c.variance() + t.variance());
    double zCritical = NormalDistribution.quantile(0.5 + confidence / 2);
    double z = se > 0 ? diff / se : 0;
    double p = se > 0 ? NormalDistribution.twoSidedPValue(z) : 1;
    return new Comparison(diff, new Interval(diff - zCritical * se, diff + zCritical * se), z, p);
  }
}
