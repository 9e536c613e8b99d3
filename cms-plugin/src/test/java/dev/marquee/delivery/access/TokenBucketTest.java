package dev.marquee.delivery.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(42 * SECOND);

  @Test
  void allowsTheBurstAtOnceThenTheSustainedRate() {
    TokenBucket bucket = new TokenBucket(2, 3, now::get);

    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).as("empty: one token takes half a second").isEqualTo(SECOND / 2);

    now.addAndGet(SECOND / 4);
    assertThat(bucket.tryTake()).as("half a token refilled").isEqualTo(SECOND / 4);
    now.addAndGet(SECOND / 4);
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isPositive();
  }

  @Test
  void refillsNoFurtherThanTheBurst() {
    TokenBucket bucket = new TokenBucket(10, 2, now::get);
    now.addAndGet(3600 * SECOND);

    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isZero();
    assertThat(bucket.tryTake()).isEqualTo(SECOND / 10);
  }

  @Test
  void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
    assertThat(TokenBucket.retryAfterSeconds(1)).isEqualTo(1);
    assertThat(TokenBucket.retryAfterSeconds(SECOND)).isEqualTo(1);
    assertThat(TokenBucket.retryAfterSeconds(SECOND + 1)).isEqualTo(2);
    assertThat(TokenBucket.retryAfterSeconds(0)).isEqualTo(1);
  }

  @Test
  void aSlowRateAsksForALongerWait() {
    TokenBucket bucket = new TokenBucket(1, 1, now::get);
    assertThat(bucket.tryTake()).isZero();
    assertThat(TokenBucket.retryAfterSeconds(bucket.tryTake())).isEqualTo(1);
    assertThat(bucket.hasLimits(1, 1)).isTrue();
    assertThat(bucket.hasLimits(1, 2)).isFalse();
  }

  @Test
  void rejectsLimitsBelowOne() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, now::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, 0, now::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
