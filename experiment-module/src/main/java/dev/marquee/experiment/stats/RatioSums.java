package dev.marquee.experiment.stats;

/**
 * Per-arm sufficient statistics of a ratio metric whose analysis unit (the viewer) differs from its
 * denominator unit (the impression): over n viewers, Σ M, Σ D, Σ M², Σ D², Σ M·D, where M is a
 * viewer's clicks and D their impressions. Additive, so counts can be aggregated in the database.
 */
public record RatioSums(
    long units,
    double numerator,
    double denominator,
    double numeratorSquares,
    double denominatorSquares,
    double crossProducts) {

  /** No viewers yet. */
  public static final RatioSums EMPTY = new RatioSums(0, 0, 0, 0, 0, 0);

  /** These sums plus one viewer with numerator {@code m} and denominator {@code d}. */
  public RatioSums plus(double m, double d) {
    return new RatioSums(
        units + 1,
        numerator + m,
        denominator + d,
        numeratorSquares + m * m,
        denominatorSquares + d * d,
        crossProducts + m * d);
  }

  /** Element-wise sum, e.g. to pool audience groups. */
  public RatioSums plus(RatioSums other) {
    return new RatioSums(
        units + other.units,
        numerator + other.numerator,
        denominator + other.denominator,
        numeratorSquares + other.numeratorSquares,
        denominatorSquares + other.denominatorSquares,
        crossProducts + other.crossProducts);
  }
}
