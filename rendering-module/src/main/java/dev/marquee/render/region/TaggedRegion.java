package dev.marquee.render.region;

import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.source.SourceImage;
import dev.marquee.tagging.EntryTag;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * Where on a source image one of its entry's engagement tags is: Uma Thurman's face, the couple,
 * the villain. One per image and tag; an image carries the regions of many tags.
 */
@Entity
@Table(name = "tagged_region")
public class TaggedRegion {
  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "image_id")
  private SourceImage image;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "entry_tag_id")
  private EntryTag entryTag;

  @Column(name = "rect_x", nullable = false)
  private double x;

  @Column(name = "rect_y", nullable = false)
  private double y;

  @Column(name = "rect_width", nullable = false)
  private double width;

  @Column(name = "rect_height", nullable = false)
  private double height;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RegionOrigin origin;

  private Double confidence;

  @Column(name = "suggestion_id")
  private UUID suggestionId;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected TaggedRegion() {}

  /** A region drawn by an editor. */
  public TaggedRegion(
      SourceImage image, EntryTag entryTag, NormalizedRect rect, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.image = image;
    this.entryTag = entryTag;
    redraw(rect, actor, now);
  }

  /** Moves the region by hand; it is MANUAL from now on. */
  public void redraw(NormalizedRect rect, String actor, Instant now) {
    place(rect, RegionOrigin.MANUAL, null, null, actor, now);
  }

  /** Takes the place a detector suggested. */
  public void adopt(Suggestion suggestion, String actor, Instant now) {
    place(
        suggestion.rect(),
        RegionOrigin.SUGGESTED,
        suggestion.getConfidence(),
        suggestion.getId(),
        actor,
        now);
  }

  private void place(
      NormalizedRect rect,
      RegionOrigin origin,
      Double confidence,
      UUID suggestionId,
      String actor,
      Instant now) {
    this.x = rect.x();
    this.y = rect.y();
    this.width = rect.width();
    this.height = rect.height();
    this.origin = origin;
    this.confidence = confidence;
    this.suggestionId = suggestionId;
    this.updatedBy = actor;
    this.updatedAt = now;
  }

  public UUID getId() {
    return id;
  }

  public SourceImage getImage() {
    return image;
  }

  public EntryTag getEntryTag() {
    return entryTag;
  }

  public NormalizedRect rect() {
    return new NormalizedRect(x, y, width, height);
  }

  public RegionOrigin getOrigin() {
    return origin;
  }

  public Double getConfidence() {
    return confidence;
  }

  public UUID getSuggestionId() {
    return suggestionId;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public long getVersion() {
    return version;
  }
}
