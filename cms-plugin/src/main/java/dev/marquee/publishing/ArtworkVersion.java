package dev.marquee.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One published version of the artwork of (entry, audience): numbered 1, 2, … and immutable. The
 * highest number is what viewers of that audience see.
 */
@Entity
@Table(name = "artwork_version")
public class ArtworkVersion {
  @Id private UUID id;

  @Column(name = "entry_id", nullable = false)
  private UUID entryId;

  @Column(name = "audience_key", nullable = false, length = 36)
  private String audienceKey;

  @Column(name = "version_number", nullable = false)
  private int number;

  @Column(name = "variant_id", nullable = false)
  private UUID variantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ArtworkVersionKind kind;

  @Column(name = "promotion_id")
  private UUID promotionId;

  @Column(name = "restored_version")
  private Integer restoredVersion;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(name = "published_by", nullable = false, length = 200)
  private String publishedBy;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  protected ArtworkVersion() {}

  /** The version a published promotion creates. */
  static ArtworkVersion published(Promotion p, int number, String actor, Instant now) {
    ArtworkVersion v =
        new ArtworkVersion(
            p.getEntryId(),
            p.getAudience(),
            number,
            p.getVariantId(),
            ArtworkVersionKind.PUBLISH,
            p.getReason(),
            actor,
            now);
    v.promotionId = p.getId();
    return v;
  }

  /** The version that shows {@code restored}'s variant again. */
  static ArtworkVersion rollback(
      ArtworkVersion restored, int number, String reason, String actor, Instant now) {
    ArtworkVersion v =
        new ArtworkVersion(
            restored.entryId,
            restored.getAudience(),
            number,
            restored.variantId,
            ArtworkVersionKind.ROLLBACK,
            reason,
            actor,
            now);
    v.restoredVersion = restored.number;
    return v;
  }

  private ArtworkVersion(
      UUID entryId,
      Audience audience,
      int number,
      UUID variantId,
      ArtworkVersionKind kind,
      String reason,
      String actor,
      Instant now) {
    this.id = UUID.randomUUID();
    this.entryId = entryId;
    this.audienceKey = audience.key();
    this.number = number;
    this.variantId = variantId;
    this.kind = kind;
    this.reason = reason;
    this.publishedBy = actor;
    this.publishedAt = now;
  }

  public UUID getId() {
    return id;
  }

  public UUID getEntryId() {
    return entryId;
  }

  public Audience getAudience() {
    return Audience.parse(audienceKey, "audience");
  }

  public int getNumber() {
    return number;
  }

  public UUID getVariantId() {
    return variantId;
  }

  public ArtworkVersionKind getKind() {
    return kind;
  }

  /** The published promotion (PUBLISH only). */
  public UUID getPromotionId() {
    return promotionId;
  }

  /** The version whose variant a ROLLBACK restored. */
  public Integer getRestoredVersion() {
    return restoredVersion;
  }

  public String getReason() {
    return reason;
  }

  public String getPublishedBy() {
    return publishedBy;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }
}
