package dev.marquee.delivery.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a presented key authenticates a delivery app. Stored keys are cached for {@value
 * #TTL_KEY} seconds (default 30) so that the steady state reads no database; changes made on this
 * node invalidate the cache after commit, changes made on another node are seen within the TTL.
 * Every failure looks the same to the caller; the log says which check failed, naming the key by
 * its public prefix only. Last use is written at most once per {@link #USAGE_INTERVAL} per key.
 */
@ApplicationScoped
public class DeliveryKeyVerifier {
  /** MicroProfile Config key: seconds a looked-up key is trusted without re-reading it. */
  public static final String TTL_KEY = "marquee.delivery.key-cache-seconds";

  /** MicroProfile Config key: how many looked-up keys are kept. */
  public static final String SIZE_KEY = "marquee.delivery.key-cache-size";

  /**
   * Last-use timestamps are this coarse, so a busy key costs one write a minute, not one a call.
   */
  public static final Duration USAGE_INTERVAL = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(DeliveryKeyVerifier.class.getName());

  private ExpiringCache<String, StoredKey> cache;
  private Function<String, Optional<StoredKey>> loader;
  private BiConsumer<String, Instant> usage;
  private Clock clock;
  private LongSupplier nanoClock;
  private final Map<String, Long> usageRecordedAt = new ConcurrentHashMap<>();

  protected DeliveryKeyVerifier() {}

  @Inject
  public DeliveryKeyVerifier(
      DeliveryKeyStore store,
      @ConfigProperty(name = TTL_KEY, defaultValue = "30") int ttlSeconds,
      @ConfigProperty(name = SIZE_KEY, defaultValue = "10000") int maxEntries) {
    this(
        store::load,
        store::touch,
        Clock.systemUTC(),
        System::nanoTime,
        maxEntries,
        Duration.ofSeconds(ttlSeconds));
  }

  /** For use outside a container, with fake clocks. */
  public DeliveryKeyVerifier(
      Function<String, Optional<StoredKey>> loader,
      BiConsumer<String, Instant> usage,
      Clock clock,
      LongSupplier nanoClock,
      int maxEntries,
      Duration ttl) {
    this.loader = loader;
    this.usage = usage;
    this.clock = clock;
    this.nanoClock = nanoClock;
    this.cache = new ExpiringCache<>(maxEntries, ttl.toNanos(), nanoClock);
  }

  /**
   * The app that {@code candidate} authenticates, or empty when it is malformed, unknown, wrong,
   * revoked, expired or belongs to a disabled app.
   *
   * @param candidate the key as sent by the client; may be null or anything at all
   */
  public Optional<AuthenticatedApp> verify(String candidate) {
    Optional<PresentedKey> parsed = ApiKeyFormat.parse(candidate);
    if (parsed.isEmpty()) {
      LOG.fine("Delivery API key rejected: not a well-formed key");
      return Optional.empty();
    }
    PresentedKey key = parsed.get();
    Optional<StoredKey> stored = cache.get(key.keyId(), loader);
    String rejection = rejection(key, stored.orElse(null));
    if (rejection != null) {
      LOG.log(
          Level.FINE, "Delivery API key {0} rejected: {1}", new Object[] {key.prefix(), rejection});
      return Optional.empty();
    }
    recordUsage(key.keyId());
    return stored.map(StoredKey::toAuthenticatedApp);
  }

  private String rejection(PresentedKey key, StoredKey stored) {
    if (stored == null) {
      // hash anyway, so an unknown key id costs the same as a wrong secret
      ApiKeyHash.matches(key.value(), "");
      return "unknown key id";
    }
    if (!ApiKeyHash.matches(key.value(), stored.secretHash())) {
      return "wrong secret";
    }
    if (stored.revoked()) {
      return "revoked";
    }
    if (stored.expiresAt() != null && !clock.instant().isBefore(stored.expiresAt())) {
      return "expired";
    }
    if (!stored.appEnabled()) {
      return "app " + stored.appId() + " is disabled";
    }
    return null;
  }

  private void recordUsage(String keyId) {
    long now = nanoClock.getAsLong();
    long interval = USAGE_INTERVAL.toNanos();
    Long last = usageRecordedAt.get(keyId);
    if (last != null && now - last < interval) {
      return;
    }
    boolean ours =
        last == null
            ? usageRecordedAt.putIfAbsent(keyId, now) == null
            : usageRecordedAt.replace(keyId, last, now);
    if (!ours) {
      return; // another request of this key is writing it
    }
    try {
      usage.accept(keyId, clock.instant());
    } catch (RuntimeException e) {
      // last use is informational; a failed write must not fail the request
      LOG.log(
          Level.WARNING,
          "Could not record the last use of delivery API key {0}{1}: {2}",
          new Object[] {ApiKeyFormat.PREFIX, keyId, e.toString()});
    }
  }

  /** Drops what this node cached about the app once a change to it has committed. */
  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryAccessChanged change) {
    forget(change);
  }

  /** Drops the app's cached keys now. */
  public void forget(DeliveryAccessChanged change) {
    cache.invalidateIf(k -> k.appId().equals(change.appId()));
  }
}
