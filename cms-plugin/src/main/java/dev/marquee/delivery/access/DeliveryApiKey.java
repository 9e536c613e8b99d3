package dev.marquee.delivery.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One API key of a delivery app, as stored: its public key id and the {@link ApiKeyHash hash} of
 * the whole key, never the key itself. Revoked keys stay listed (with who revoked them and when).
 */
@Entity
@Table(name = "delivery_api_key")
public class DeliveryApiKey {
  @Id
  @Column(name = "key_id", length = 32)
  private String keyId;

  @Column(name = "app_id", nullable = false)
  private UUID appId;

  @Column(name = "secret_hash", nullable = false, length = 64)
  private String secretHash;

  @Column(length = 100)
  private String label;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_by", length = 200)
  private String revokedBy;

  // written by a bulk update at most once a minute per node, outside the entity's version
  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Version private long version;

  protected DeliveryApiKey() {}

  public DeliveryApiKey(
      PresentedKey key, UUID appId, String label, Instant expiresAt, String actor, Instant now) {
    this.keyId = key.keyId();
    this.appId = appId;
    this.secretHash = ApiKeyHash.of(key.value());
    this.label = label;
    this.expiresAt = expiresAt;
    this.createdAt = now;
    this.createdBy = actor;
  }

  /**
   * Revokes the key; revoking a revoked key changes nothing.
   *
   * @return whether the key was active until now
   */
  public boolean revoke(String actor, Instant now) {
    if (revokedAt != null) {
      return false;
    }
    this.revokedAt = now;
    this.revokedBy = actor;
    return true;
  }

  /** Whether the key authenticates at {@code now}: neither revoked nor expired. */
  public boolean isActiveAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  /** The public part shown in lists, e.g. {@code mqk_3f9a0c1d2e4b5a69}. */
  public String prefix() {
    return ApiKeyFormat.PREFIX + keyId;
  }

  public String getKeyId() {
    return keyId;
  }

  public UUID getAppId() {
    return appId;
  }

  public String getSecretHash() {
    return secretHash;
  }

  public String getLabel() {
    return label;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getRevokedAt() {
    return revokedAt;
  }

  public String getRevokedBy() {
    return revokedBy;
  }

  public Instant getLastUsedAt() {
    return lastUsedAt;
  }

  public long getVersion() {
    return version;
  }
}
