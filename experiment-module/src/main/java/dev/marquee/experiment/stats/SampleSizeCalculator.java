package dev.marquee.experiment.stats;

/**
 * Fixed-horizon planning for two proportions, two-sided test, equal allocation. Uses the classic
 * formula (Fleiss, Levin and Paik, "Statistical Methods for Rates and Proportions", eq. 4.14
 * without continuity correction):
 *
 * <pre>n = (z_{1−α/2}·√(2·p̄·q̄) + z_{power}·√(p1·q1 + p2·q2))² / (p2 − p1)²,  p̄ = (p1 + p2)/2
 * </pre>
 */
public final class SampleSizeCalculator {

  private SampleSizeCalculator() {}

  /** Units needed per arm (rounded up) to detect {@code baseline → baseline + absoluteMde}. */
  public static long perArm(double baseline, double absoluteMde, double alpha, double power) {
    double p2 = baseline + absoluteMde;
    if (!(baseline > 0 && baseline < 1 && p2 > 0 && p2 < 1 && absoluteMde != 0)) {
      throw new IllegalArgumentException("rates must stay inside (0, 1) and the MDE be non-zero");
    }
    return (long) Math.ceil(exactPerArm(baseline, absoluteMde, alpha, power));
  }

  static double exactPerArm(double p1, double mde, double alpha, double power) {
    double p2 = p1 + mde;
    double pBar = (p1 + p2) / 2;
    double zAlpha = NormalDistribution.quantile(1 - alpha / 2);
    double zBeta = NormalDistribution.quantile(power);
    double root =
        zAlpha * Math.sqrt(2 * pBar * (1 - pBar))
            + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return root * root / (mde * mde);
  }

  /**
   * The smallest positive absolute lift detectable with {@code perArm} units per arm, found by
   * bisection on the same formula (the required n falls monotonically as the lift grows).
   */
  public static double minimumDetectableEffect(
      double baseline, long perArm, double alpha, double power) {
    double lo = 1e-9;
    double hi = (1 - baseline) - 1e-9;
    if (exactPerArm(baseline, hi, alpha, power) > perArm) {
      return Double.NaN; // not even the largest possible lift is detectable
    }
    for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
      double mid = (lo + hi) / 2;
      if (exactPerArm(baseline, mid, alpha, power) > perArm) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
