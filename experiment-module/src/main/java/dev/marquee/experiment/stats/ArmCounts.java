package dev.marquee.experiment.stats;

import java.util.Objects;

/**
 * One arm's counts in one audience group.
 *
 * @param units viewers assigned and exposed
 * @param conversions viewers who converted (e.g. clicked at least once)
 * @param clickThrough per-viewer click and impression sums for the click-through ratio metric
 *     ({@link RatioSums#EMPTY} when not tracked)
 */
public record ArmCounts(long units, long conversions, RatioSums clickThrough) {

  public ArmCounts {
    Objects.requireNonNull(clickThrough, "clickThrough");
    new BinomialCounts(units, conversions); // validates
  }

  /** Counts without a ratio metric. */
  public static ArmCounts of(long units, long conversions) {
    return new ArmCounts(units, conversions, RatioSums.EMPTY);
  }

  /** Conversion counts as a binomial. */
  public BinomialCounts binomial() {
    return new BinomialCounts(units, conversions);
  }

  /** Element-wise sum, for pooling groups. */
  public ArmCounts plus(ArmCounts other) {
    return new ArmCounts(
        units + other.units,
        conversions + other.conversions,
        clickThrough.plus(other.clickThrough));
  }
}
