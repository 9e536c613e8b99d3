package dev.marquee.experiment.stats;

/** Units exposed ({@code trials}) and units that converted ({@code successes}). */
public record BinomialCounts(long trials, long successes) {

  public BinomialCounts {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException(
          "need 0 <= successes <= trials, got " + successes + "/" + trials);
    }
  }

  /** successes / trials, or 0 with no trials. */
  public double rate() {
    return trials == 0 ? 0 : (double) successes / trials;
  }

  /** trials − successes. */
  public long failures() {
    return trials - successes;
  }
}
