package dev.marquee.delivery.access;

import java.util.Set;
import java.util.UUID;

/**
 * The delivery app a request was authenticated as, with what the delivery filters need (origins,
 * rate limit). Delivery resources get it from {@link DeliveryCaller}.
 *
 * @param keyId the public id of the key used (never the key itself)
 */
public record AuthenticatedApp(
    UUID appId,
    String name,
    String keyId,
    Set<String> allowedOrigins,
    int requestsPerSecond,
    int burst) {

  public AuthenticatedApp {
    allowedOrigins = Set.copyOf(allowedOrigins);
  }

  /** Whether a browser page from {@code origin} may read this app's responses. */
  public boolean allowsOrigin(String origin) {
    return origin != null && allowedOrigins.contains(origin);
  }
}
