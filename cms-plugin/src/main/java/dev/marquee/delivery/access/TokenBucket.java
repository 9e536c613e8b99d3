package dev.marquee.delivery.access;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code burst} tokens, refills at {@code perSecond} tokens a second,
 * and each request takes one. Thread-safe; time comes from a monotonic nanosecond clock ({@link
 * System#nanoTime} in production, a fake one in tests).
 */
public final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final int perSecond;
  private final int burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long refilledAt;

  /**
   * @param perSecond sustained rate, at least 1
   * @param burst bucket size (requests allowed at once after a quiet period), at least 1
   */
  public TokenBucket(int perSecond, int burst, LongSupplier nanoClock) {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.refilledAt = nanoClock.getAsLong();
  }

  /**
   * Takes a token if there is one.
   *
   * @return 0 when the request may proceed, otherwise the nanoseconds until a token is available
   */
  public synchronized long tryTake() {
    long now = nanoClock.getAsLong();
    long elapsed = now - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * perSecond / NANOS_PER_SECOND);
      refilledAt = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / perSecond);
  }

  /** Whether this bucket was built for these limits (an app's limits can change). */
  public boolean hasLimits(int perSecond, int burst) {
    return this.perSecond == perSecond && this.burst == burst;
  }

  /** Whole seconds to wait, rounded up, as {@code Retry-After} wants them; at least 1. */
  public static long retryAfterSeconds(long waitNanos) {
    return Math.max(1, (long) Math.ceil(waitNanos / NANOS_PER_SECOND));
  }
}
