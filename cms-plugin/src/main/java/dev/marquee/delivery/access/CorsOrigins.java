package dev.marquee.delivery.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The origins any enabled delivery app allows. A CORS preflight carries no API key, so it can only
 * be checked against this union; the actual request is then checked against its own app's list.
 * Cached like keys ({@value DeliveryKeyVerifier#TTL_KEY}), refreshed after changes on this node.
 */
@ApplicationScoped
public class CorsOrigins {
  private static final String ALL = "all";

  private DeliveryKeyStore store;
  private ExpiringCache<String, Set<String>> cache;

  protected CorsOrigins() {}

  @Inject
  public CorsOrigins(
      DeliveryKeyStore store,
      @ConfigProperty(name = DeliveryKeyVerifier.TTL_KEY, defaultValue = "30") int ttlSeconds) {
    this.store = store;
    this.cache = new ExpiringCache<>(1, TimeUnit.SECONDS.toNanos(ttlSeconds), System::nanoTime);
  }

  /** Whether some enabled app allows {@code origin}. */
  public boolean anyAppAllows(String origin) {
    return origin != null
        && cache
            .get(ALL, k -> Optional.of(Set.copyOf(store.enabledOrigins())))
            .orElse(Set.of())
            .contains(origin);
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryAccessChanged change) {
    cache.clear();
  }
}
