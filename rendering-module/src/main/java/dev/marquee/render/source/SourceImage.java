package dev.marquee.render.source;

import dev.marquee.catalog.CatalogEntry;
import dev.marquee.render.engine.ImageFormat;
import dev.marquee.render.store.AssetKey;
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
 * A still, key art or video frame uploaded for a catalog entry. Its bytes are immutable and live in
 * the asset store under their SHA-256; one entry holds a given content at most once.
 */
@Entity
@Table(name = "source_image")
public class SourceImage {
  @Id private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "entry_id")
  private CatalogEntry entry;

  @Column(name = "content_hash", nullable = false, length = 64)
  private String contentHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private ImageFormat format;

  /** Width as displayed, i.e. after EXIF orientation. */
  @Column(nullable = false)
  private int width;

  /** Height as displayed, i.e. after EXIF orientation. */
  @Column(nullable = false)
  private int height;

  @Column(name = "byte_size", nullable = false)
  private long byteSize;

  /** The file name the uploader's client sent, for display only; never used as a storage key. */
  @Column(name = "original_name", length = 255)
  private String originalName;

  @Column(name = "uploaded_by", nullable = false, length = 200)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Version private long version;

  protected SourceImage() {}

  public SourceImage(
      CatalogEntry entry,
      AssetKey content,
      ImageFormat format,
      int width,
      int height,
      long byteSize,
      String originalName,
      String uploadedBy,
      Instant uploadedAt) {
    this.id = UUID.randomUUID();
    this.entry = entry;
    this.contentHash = content.sha256Hex();
    this.format = format;
    this.width = width;
    this.height = height;
    this.byteSize = byteSize;
    this.originalName = originalName;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public UUID getId() {
    return id;
  }

  public CatalogEntry getEntry() {
    return entry;
  }

  public AssetKey getContentKey() {
    return new AssetKey(contentHash);
  }

  public ImageFormat getFormat() {
    return format;
  }

  public int getWidth() {
    return width;
  }

  public int getHeight() {
    return height;
  }

  public long getByteSize() {
    return byteSize;
  }

  public String getOriginalName() {
    return originalName;
  }

  public String getUploadedBy() {
    return uploadedBy;
  }

  public Instant getUploadedAt() {
    return uploadedAt;
  }

  public long getVersion() {
    return version;
  }
}
