package dev.marquee.delivery.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What verifying a key needs to know about it and its app, read in one go and cached by {@link
 * DeliveryKeyVerifier}. Immutable.
 *
 * @param secretHash the stored {@link ApiKeyHash}
 * @param expiresAt null for a key that does not expire
 */
public record StoredKey(
    String keyId,
    String secretHash,
    boolean revoked,
    Instant expiresAt,
    UUID appId,
    String appName,
    boolean appEnabled,
    Set<String> allowedOrigins,
    int requestsPerSecond,
    int burst) {

  public StoredKey {
    allowedOrigins = Set.copyOf(allowedOrigins);
  }

  static StoredKey of(DeliveryApiKey key, DeliveryApp app) {
    return new StoredKey(
        key.getKeyId(),
        key.getSecretHash(),
        key.getRevokedAt() != null,
        key.getExpiresAt(),
        app.getId(),
        app.getName(),
        app.isEnabled(),
        Set.copyOf(app.getAllowedOrigins()),
        app.getRequestsPerSecond(),
        app.getBurst());
  }

  /** The authenticated caller this key stands for. */
  AuthenticatedApp toAuthenticatedApp() {
    return new AuthenticatedApp(appId, appName, keyId, allowedOrigins, requestsPerSecond, burst);
  }

  /** Keeps the hash out of logs. */
  @Override
  public String toString() {
    return "StoredKey[" + ApiKeyFormat.PREFIX + keyId + ", app " + appId + "]";
  }
}
