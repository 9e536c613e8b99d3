package dev.marquee.tagging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A term of the engagement-tag vocabulary, unique per kind regardless of case: {@code CAST:Uma
 * Thurman} and {@code CAST:uma thurman} are the same tag.
 */
@Entity
@Table(name = "engagement_tag")
public class EngagementTag {
  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private TagKind kind;

  @Column(name = "tag_value", nullable = false, length = 200)
  private String value;

  // the unique key; lets the database enforce case-insensitive uniqueness portably
  @Column(name = "normalized_value", nullable = false, length = 200)
  private String normalizedValue;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  protected EngagementTag() {}

  /** A new term from a checked {@link TagRef}. */
  public EngagementTag(TagRef ref, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.kind = ref.kind();
    this.value = ref.value();
    this.normalizedValue = ref.normalizedValue();
    this.createdAt = now;
    this.createdBy = actor;
  }

  /** Changes the spelling; the caller has checked that no other term of the kind has it. */
  void rename(String newValue) {
    this.value = newValue.trim();
    this.normalizedValue = TagRef.normalize(newValue);
  }

  public UUID getId() {
    return id;
  }

  public TagKind getKind() {
    return kind;
  }

  /** The value as first written (trimmed), e.g. {@code Uma Thurman}. */
  public String getValue() {
    return value;
  }

  public String getNormalizedValue() {
    return normalizedValue;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  /** {@code KIND:value}. */
  public TagRef ref() {
    return new TagRef(kind, value);
  }
}
