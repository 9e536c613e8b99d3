package dev.marquee.tagging;

import dev.marquee.catalog.CatalogEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An engagement tag on a catalog entry; at most one per entry and tag. */
@Entity
@Table(name = "entry_tag")
public class EntryTag {
  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "entry_id")
  private CatalogEntry entry;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "tag_id")
  private EngagementTag tag;

  private Double weight;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private TagSource source;

  @Column(name = "tagged_by", nullable = false, length = 200)
  private String taggedBy;

  @Column(name = "tagged_at", nullable = false)
  private Instant taggedAt;

  protected EntryTag() {}

  public EntryTag(
      CatalogEntry entry,
      EngagementTag tag,
      Double weight,
      TagSource source,
      String actor,
      Instant now) {
    this.id = UUID.randomUUID();
    this.entry = entry;
    this.tag = tag;
    this.weight = weight;
    this.source = source;
    this.taggedBy = actor;
    this.taggedAt = now;
  }

  /** Re-tagging: takes the new weight and source. @return whether anything changed */
  boolean retag(Double newWeight, TagSource newSource, String actor, Instant now) {
    if (Objects.equals(weight, newWeight) && source == newSource) {
      return false;
    }
    this.weight = newWeight;
    this.source = newSource;
    this.taggedBy = actor;
    this.taggedAt = now;
    return true;
  }

  /** Moves this link to another tag (merge). */
  void moveTo(EngagementTag target) {
    this.tag = target;
  }

  /** Keeps the higher of the two weights (merge of duplicate links); null counts as lowest. */
  void keepHigherWeight(Double other) {
    if (other != null && (weight == null || other > weight)) {
      weight = other;
    }
  }

  public UUID getId() {
    return id;
  }

  public CatalogEntry getEntry() {
    return entry;
  }

  public EngagementTag getTag() {
    return tag;
  }

  /** How strongly the entry expresses the tag, 0..1, or null when unweighted. */
  public Double getWeight() {
    return weight;
  }

  public TagSource getSource() {
    return source;
  }

  public String getTaggedBy() {
    return taggedBy;
  }

  public Instant getTaggedAt() {
    return taggedAt;
  }
}
