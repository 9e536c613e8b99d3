package dev.marquee.experiment.lifecycle;

import java.time.Duration;

/**
 * How a BANDIT experiment re-allocates traffic.
 *
 * @param minimumShare traffic floor per arm, 0 to 1/arms
 * @param minimumSample viewers every arm of a group needs before that group's first re-allocation
 * @param interval time between re-allocations, at least {@link #MIN_INTERVAL}
 * @param topTwo top-two Thompson sampling instead of plain Thompson sampling
 */
public record BanditSettings(
    double minimumShare, long minimumSample, Duration interval, boolean topTwo) {
  /** Shortest re-allocation interval. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  /** Longest re-allocation interval. */
  public static final Duration MAX_INTERVAL = Duration.ofDays(30);
}
