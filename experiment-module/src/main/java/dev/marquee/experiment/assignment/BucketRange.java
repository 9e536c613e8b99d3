package dev.marquee.experiment.assignment;

/** The half-open slice [start, end) of the hash space that maps to one arm. */
public record BucketRange(double start, double end) {

  /** GrowthBook's inclusion rule: {@code n >= start && n < end}. */
  public boolean contains(double n) {
    return n >= start && n < end;
  }
}
