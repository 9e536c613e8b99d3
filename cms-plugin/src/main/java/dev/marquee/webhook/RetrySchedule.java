package dev.marquee.webhook;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The delays between delivery attempts; after the last one a message is dead. The default follows
 * the Standard Webhooks recommendation of exponential back-off over about a day: 5 s, 5 min, 30
 * min, 2 h, 5 h, 10 h, 10 h.
 */
public record RetrySchedule(List<Duration> delays) {
  public static final String DEFAULT = "PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H";

  public RetrySchedule {
    delays = List.copyOf(delays);
    if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
      throw new IllegalArgumentException("retry delays must be positive");
    }
  }

  /** Parses comma-separated ISO-8601 durations. */
  public static RetrySchedule parse(String text) {
    return new RetrySchedule(
        Arrays.stream(text.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(Duration::parse)
            .toList());
  }

  /** The wait after {@code failedAttempts} failures, or empty when the message is dead. */
  public Optional<Duration> delayAfter(int failedAttempts) {
    return failedAttempts <= delays.size()
        ? Optional.of(delays.get(failedAttempts - 1))
        : Optional.empty();
  }

  public int maxAttempts() {
    return delays.size() + 1;
  }
}
