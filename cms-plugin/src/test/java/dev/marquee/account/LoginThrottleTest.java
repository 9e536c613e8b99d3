package dev.marquee.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottle.Settings(3, 10, Duration.ofSeconds(1), Duration.ofSeconds(60), 100));

  private void fail(String user, String address, int times, Instant at) {
    for (int i = 0; i < times; i++) {
      assertThat(throttle.refusal(user, address, at)).isEmpty();
      throttle.failed(user, address, at);
    }
  }

  @Test
  void locksAnAccountAfterTheThresholdFromAnyAddress() {
    fail("erin", "10.0.0.1", 2, T0);
    assertThat(throttle.refusal("erin", "10.0.0.1", T0)).isEmpty();
    fail("erin", "10.0.0.2", 1, T0);
    assertThat(throttle.refusal("erin", "10.0.0.3", T0)).contains(Duration.ofSeconds(1));
    assertThat(throttle.refusal("other", "10.0.0.3", T0)).isEmpty();
    assertThat(throttle.refusal("erin", "10.0.0.3", T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void lockoutDoublesWithEachFurtherFailureUpToTheMaximum() {
    fail("erin", "a", 3, T0);
    Instant t = T0;
    long expected = 1;
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.refusal("erin", "a", t)).contains(Duration.ofSeconds(expected));
      t = t.plusSeconds(expected);
      fail("erin", "a", 1, t);
      expected = Math.min(expected * 2, 60);
    }
    assertThat(throttle.refusal("erin", "a", t)).contains(Duration.ofSeconds(60));
  }

  @Test
  void successResetsAndCountersAreForgottenAfterAQuietPeriod() {
    fail("erin", "a", 3, T0);
    Instant later = T0.plusSeconds(1);
    throttle.succeeded("erin", "a");
    fail("erin", "b", 2, later);
    assertThat(throttle.refusal("erin", "b", later)).isEmpty();

    fail("sam", "c", 3, T0);
    // one lockout of 1 s plus the quiet period of 60 s: a fresh start, not 2 s
    Instant quiet = T0.plusSeconds(62);
    fail("sam", "c", 1, quiet);
    assertThat(throttle.refusal("sam", "c", quiet)).isEmpty();
  }

  @Test
  void unknownUsersAreThrottledExactlyLikeKnownOnes() {
    fail("nobody-" + 1, "a", 3, T0);
    fail("erin", "b", 3, T0);
    assertThat(throttle.refusal("nobody-1", "x", T0)).isEqualTo(throttle.refusal("erin", "y", T0));
  }

  @Test
  void locksAnAddressSprayingManyUserNames() {
    for (int i = 0; i < 10; i++) {
      fail("user" + i, "10.9.9.9", 1, T0);
    }
    assertThat(throttle.refusal("fresh", "10.9.9.9", T0)).contains(Duration.ofSeconds(1));
    assertThat(throttle.refusal("fresh", "10.9.9.8", T0)).isEmpty();
  }

  @Test
  void anAddressThatSignedInBeforeIsNotLockedOutByOthersFailures() {
    throttle.succeeded("admin", "office");
    fail("admin", "attacker", 3, T0);
    assertThat(throttle.refusal("admin", "attacker", T0)).isPresent();
    assertThat(throttle.refusal("admin", "office", T0)).isEmpty();
  }

  @Test
  void memoryIsBounded() {
    LoginThrottle small =
        new LoginThrottle(
            new LoginThrottle.Settings(1, 1000, Duration.ofSeconds(1), Duration.ofSeconds(1), 2));
    small.failed("a", "x", T0);
    small.failed("b", "x", T0);
    small.failed("c", "x", T0);
    assertThat(small.refusal("a", "y", T0)).isEmpty();
    assertThat(small.refusal("c", "y", T0)).isPresent();
  }
}
