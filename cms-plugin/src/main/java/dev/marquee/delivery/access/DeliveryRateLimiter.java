package dev.marquee.delivery.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per delivery app, in this node's memory: with N nodes behind a load
 * balancer an app can make up to N times its limit (docs/operations.md). A changed limit takes a
 * fresh bucket.
 */
@ApplicationScoped
public class DeliveryRateLimiter {
  private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  public DeliveryRateLimiter() {
    this(System::nanoTime);
  }

  /** With a fake clock, for tests. */
  public DeliveryRateLimiter(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /**
   * Counts one request of the app.
   *
   * @return 0 when it may proceed, otherwise nanoseconds until it may retry
   */
  public long tryTake(AuthenticatedApp app) {
    TokenBucket bucket =
        buckets.compute(
            app.appId(),
            (id, current) ->
                current != null && current.hasLimits(app.requestsPerSecond(), app.burst())
                    ? current
                    : new TokenBucket(app.requestsPerSecond(), app.burst(), nanoClock));
    return bucket.tryTake();
  }

  /** A deleted app's bucket is dropped; a changed one is replaced on its next request. */
  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryAccessChanged change) {
    buckets.remove(change.appId());
  }
}
