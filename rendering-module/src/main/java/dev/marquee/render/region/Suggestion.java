package dev.marquee.render.region;

import dev.marquee.errors.ResourceConflictException;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.suggest.RegionSuggestion;
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
 * A region a detector proposed for a source image on upload, waiting for an editor to accept it (as
 * a tagged region) or reject it. Decisions are final.
 */
@Entity
@Table(name = "region_suggestion")
public class Suggestion {
  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "image_id")
  private SourceImage image;

  @Column(nullable = false, length = 40)
  private String kind;

  @Column(name = "rect_x", nullable = false)
  private double x;

  @Column(name = "rect_y", nullable = false)
  private double y;

  @Column(name = "rect_width", nullable = false)
  private double width;

  @Column(name = "rect_height", nullable = false)
  private double height;

  @Column(nullable = false)
  private double confidence;

  @Column(nullable = false, length = 200)
  private String detector;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SuggestionStatus status;

  @Column(name = "suggested_at", nullable = false)
  private Instant suggestedAt;

  @Column(name = "decided_by", length = 200)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "accepted_tag_id")
  private UUID acceptedTagId;

  @Version private long version;

  protected Suggestion() {}

  public Suggestion(SourceImage image, String detector, RegionSuggestion found, Instant now) {
    this.id = UUID.randomUUID();
    this.image = image;
    this.detector = truncate(detector, 200);
    this.kind = truncate(found.kind(), 40);
    this.x = found.rect().x();
    this.y = found.rect().y();
    this.width = found.rect().width();
    this.height = found.rect().height();
    this.confidence = found.confidence();
    this.status = SuggestionStatus.PENDING;
    this.suggestedAt = now;
  }

  /** Records the acceptance as the region of the tag {@code tagId}. */
  public void accept(UUID tagId, String actor, Instant now) {
    decide(SuggestionStatus.ACCEPTED, actor, now);
    this.acceptedTagId = tagId;
  }

  public void reject(String actor, Instant now) {
    decide(SuggestionStatus.REJECTED, actor, now);
  }

  /**
   * @throws ResourceConflictException when it was decided before
   */
  public void requirePending() {
    if (status != SuggestionStatus.PENDING) {
      throw new ResourceConflictException(
          "Suggestion " + id + " was already " + status.name().toLowerCase() + " by " + decidedBy);
    }
  }

  private void decide(SuggestionStatus decision, String actor, Instant now) {
    requirePending();
    this.status = decision;
    this.decidedBy = actor;
    this.decidedAt = now;
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  public UUID getId() {
    return id;
  }

  public SourceImage getImage() {
    return image;
  }

  public String getKind() {
    return kind;
  }

  public NormalizedRect rect() {
    return new NormalizedRect(x, y, width, height);
  }

  public double getConfidence() {
    return confidence;
  }

  public String getDetector() {
    return detector;
  }

  public SuggestionStatus getStatus() {
    return status;
  }

  public Instant getSuggestedAt() {
    return suggestedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public UUID getAcceptedTagId() {
    return acceptedTagId;
  }

  public long getVersion() {
    return version;
  }
}
