package dev.marquee.experiment.stats;

/** The chi-square distribution's survival function: P(X > x) = Q(df/2, x/2). */
public final class ChiSquareDistribution {

  private ChiSquareDistribution() {}

  /** Upper-tail probability of a chi-square statistic with {@code degreesOfFreedom}. */
  public static double sf(double x, double degreesOfFreedom) {
    if (degreesOfFreedom <= 0) {
      throw new IllegalArgumentException("degrees of freedom must be positive");
    }
    return SpecialFunctions.regularizedGammaQ(degreesOfFreedom / 2, x / 2);
  }
}
