package dev.marquee.experiment.stats;

/** The standard normal distribution: CDF, survival function and quantile. */
public final class NormalDistribution {

  private static final double SQRT_TWO = Math.sqrt(2);
  private static final double SQRT_TWO_PI = Math.sqrt(2 * Math.PI);

  private NormalDistribution() {}

  /** φ(x). */
  public static double pdf(double x) {
    return Math.exp(-0.5 * x * x) / SQRT_TWO_PI;
  }

  /** Φ(x), via erfc(z) = Q(1/2, z²) so both tails keep full relative precision. */
  public static double cdf(double x) {
    return 0.5 * erfc(-x / SQRT_TWO);
  }

  /** 1 − Φ(x) without cancellation in the upper tail. */
  public static double sf(double x) {
    return 0.5 * erfc(x / SQRT_TWO);
  }

  /** Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)). */
  public static double twoSidedPValue(double z) {
    return Math.min(1, 2 * sf(Math.abs(z)));
  }

  /** Complementary error function. */
  public static double erfc(double z) {
    double q = SpecialFunctions.regularizedGammaQ(0.5, z * z);
    return z >= 0 ? q : 2 - q;
  }

  /**
   * Φ⁻¹(p): Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988), relative accuracy
   * about 1e-16, followed by one Halley step against {@link #cdf} as a safeguard.
   */
  public static double quantile(double p) {
    if (p <= 0 || p >= 1) {
      if (p == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (p == 1) {
        return Double.POSITIVE_INFINITY;
      }
      throw new IllegalArgumentException("p must be in [0, 1], got " + p);
    }
    double x = wichura(p);
    // Halley refinement: e = Φ(x) − p, u = e·√(2π)·exp(x²/2).
    double e = cdf(x) - p;
    double u = e * SQRT_TWO_PI * Math.exp(0.5 * x * x);
    return x - u / (1 + 0.5 * x * u);
  }

  private static double wichura(double p) {
    double q = p - 0.5;
    if (Math.abs(q) <= 0.425) {
      double r = 0.180625 - q * q;
      return q
          * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853)
                                                  * r
                                              + 45921.953931549871457)
                                          * r
                                      + 13731.693765509461125)
                                  * r
                              + 1971.5909503065514427)
                          * r
                      + 133.14166789178437745)
                  * r
              + 3.387132872796366608)
          / (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                                              + 21213.794301586595867)
                                          * r
                                      + 5394.1960214247511077)
                                  * r
                              + 687.1870074920579083)
                          * r
                      + 42.313330701600911252)
                  * r
              + 1.0);
    }
    double r = q < 0 ? p : 1 - p;
    r = Math.sqrt(-Math.log(r));
    double value;
    if (r <= 5) {
      r -= 1.6;
      value =
          (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r
                                                          + 0.24178072517745061177)
                                                      * r
                                                  + 1.27045825245236838258)
                                              * r
                                          + 3.64784832476320460504)
                                      * r
                                  + 5.7694972214606914055)
                              * r
                          + 4.6303378461565452959)
                      * r
                  + 1.42343711074968357734)
              / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r
                                                          + 0.0151986665636164571966)
                                                      * r
                                                  + 0.14810397642748007459)
                                              * r
                                          + 0.68976733498510000455)
                                      * r
                                  + 1.6763848301838038494)
                              * r
                          + 2.05319162663775882187)
                      * r
                  + 1.0);
    } else {
      r -= 5;
      value =
          (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                                                          + 0.0012426609473880784386)
                                                      * r
                                                  + 0.026532189526576123093)
                                              * r
                                          + 0.29656057182850489123)
                                      * r
                                  + 1.7848265399172913358)
                              * r
                          + 5.4637849111641143699)
                      * r
                  + 6.6579046435011037772)
              / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r
                                                          + 1.8463183175100546818e-5)
                                                      * r
                                                  + 7.868691311456132591e-4)
                                              * r
                                          + 0.0148753612908506148525)
                                      * r
                                  + 0.13692988092273580531)
                              * r
                          + 0.59983220655588793769)
                      * r
                  + 1.0);
    }
    return q < 0 ? -value : value;
  }
}
