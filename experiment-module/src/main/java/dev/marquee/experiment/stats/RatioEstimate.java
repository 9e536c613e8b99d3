package dev.marquee.experiment.stats;

/**
 * A ratio metric's point estimate with its delta-method variance, and for comparison the naive
 * binomial variance that wrongly treats every impression as independent.
 */
public record RatioEstimate(double ratio, double variance, double naiveBinomialVariance) {

  /** √variance. */
  public double standardError() {
    return Math.sqrt(variance);
  }
}
