package dev.marquee.render.variant;

import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.template.TemplateVersion;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rendering of one source image, framed on one tag's region (or none), with one template
 * version and overlay texts: a set of renditions, one per output size. Immutable; its identity key
 * is unique, so the same inputs are never rendered twice.
 */
@Entity
@Table(name = "variant")
public class Variant {
  @Id private UUID id;

  @Column(name = "identity_key", nullable = false, length = 64, unique = true)
  private String identityKey;

  @Column(name = "entry_id", nullable = false)
  private UUID entryId;

  @Column(name = "source_image_id", nullable = false)
  private UUID sourceImageId;

  @Column(name = "tag_id")
  private UUID tagId;

  @Column(name = "region_x")
  private Double regionX;

  @Column(name = "region_y")
  private Double regionY;

  @Column(name = "region_width")
  private Double regionWidth;

  @Column(name = "region_height")
  private Double regionHeight;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "template_version_id")
  private TemplateVersion templateVersion;

  /** The overlay texts as canonical JSON. */
  @Column(nullable = false, length = 4000)
  private String texts;

  @Column(name = "job_id")
  private UUID jobId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "variant_rendition", joinColumns = @JoinColumn(name = "variant_id"))
  @OrderColumn(name = "ordinal")
  private List<StoredRendition> renditions = new ArrayList<>();

  protected Variant() {}

  public Variant(
      VariantInputs inputs,
      TemplateVersion templateVersion,
      List<StoredRendition> renditions,
      UUID jobId,
      Instant now) {
    this.id = UUID.randomUUID();
    this.identityKey = inputs.identityKey();
    this.entryId = inputs.entryId();
    this.sourceImageId = inputs.sourceImageId();
    this.tagId = inputs.tagId();
    NormalizedRect region = inputs.region();
    if (region != null) {
      this.regionX = region.x();
      this.regionY = region.y();
      this.regionWidth = region.width();
      this.regionHeight = region.height();
    }
    this.templateVersion = templateVersion;
    this.texts = VariantInputs.textsJson(inputs.texts());
    this.renditions = new ArrayList<>(renditions);
    this.jobId = jobId;
    this.createdAt = now;
  }

  public UUID getId() {
    return id;
  }

  public String getIdentityKey() {
    return identityKey;
  }

  public UUID getEntryId() {
    return entryId;
  }

  public UUID getSourceImageId() {
    return sourceImageId;
  }

  public UUID getTagId() {
    return tagId;
  }

  /** The region the crop was framed on, or null. */
  public NormalizedRect region() {
    return regionX == null ? null : new NormalizedRect(regionX, regionY, regionWidth, regionHeight);
  }

  public TemplateVersion getTemplateVersion() {
    return templateVersion;
  }

  public java.util.Map<String, String> texts() {
    return VariantInputs.parseTexts(texts);
  }

  public UUID getJobId() {
    return jobId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<StoredRendition> getRenditions() {
    return List.copyOf(renditions);
  }
}
