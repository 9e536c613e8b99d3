package dev.marquee.experiment.stats;

/** One arm's conversion rate with its Wilson interval. */
public record ArmRate(BinomialCounts counts, double rate, Interval interval) {

  /** The rate and its Wilson interval at {@code confidence}. */
  public static ArmRate of(BinomialCounts counts, double confidence) {
    return new ArmRate(counts, counts.rate(), WilsonInterval.of(counts, confidence));
  }
}
