package dev.marquee.experiment.stats;

/** A closed interval [lower, upper], e.g. a confidence interval or credible interval. */
public record Interval(double lower, double upper) {

  /** Whether {@code value} lies in the interval. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /** upper − lower. */
  public double width() {
    return upper - lower;
  }
}
