package dev.marquee.experiment.stats;

/**
 * Fixed-horizon comparison of two proportions: the pooled z-test for H0: p_t = p_c (the pooled
 * variance is the variance under H0), an unpooled Wald interval for the difference (the interval
 * should not assume H0), and a delta-method interval for the relative uplift.
 */
public final class TwoProportionZTest {

  private TwoProportionZTest() {}

  /** Compares {@code treatment} to {@code control} at two-sided {@code confidence}. */
  public static ProportionComparison compare(
      BinomialCounts control, BinomialCounts treatment, double confidence) {
    double nc = control.trials();
    double nt = treatment.trials();
    double pc = control.rate();
    double pt = treatment.rate();
    double diff = pt - pc;
    double zCritical = NormalDistribution.quantile(0.5 + confidence / 2);

    double z = 0;
    double pValue = 1;
    if (nc > 0 && nt > 0) {
      double pooled = (control.successes() + treatment.successes()) / (nc + nt);
      double se0 = Math.sqrt(pooled * (1 - pooled) * (1 / nc + 1 / nt));
      if (se0 > 0) {
        z = diff / se0;
        pValue = NormalDistribution.twoSidedPValue(z);
      }
    }

    double varC = nc > 0 ? pc * (1 - pc) / nc : Double.NaN;
    double varT = nt > 0 ? pt * (1 - pt) / nt : Double.NaN;
    double seDiff = Math.sqrt(varC + varT);
    Interval absolute = new Interval(diff - zCritical * seDiff, diff + zCritical * seDiff);

    double relative = Double.NaN;
    Interval relativeInterval = new Interval(Double.NaN, Double.NaN);
    if (pc > 0) {
      relative = pt / pc - 1;
      // Var(p_t/p_c) ≈ Var(p_t)/p_c² + p_t²·Var(p_c)/p_c⁴ (first-order Taylor, independent arms).
      double seRelative = Math.sqrt(varT / (pc * pc) + pt * pt * varC / (pc * pc * pc * pc));
      relativeInterval =
          new Interval(relative - zCritical * seRelative, relative + zCritical * seRelative);
    }
    return new ProportionComparison(z, pValue, diff, absolute, relative, relativeInterval);
  }
}
