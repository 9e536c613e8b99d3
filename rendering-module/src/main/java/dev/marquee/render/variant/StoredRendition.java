package dev.marquee.render.variant;

import dev.marquee.render.engine.ImageFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One rendition of a variant: its size and the content hash its bytes are stored under. */
@Embeddable
public class StoredRendition {
  @Column(nullable = false, length = 20)
  private String label;

  @Column(nullable = false)
  private int width;

  @Column(nullable = false)
  private int height;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private ImageFormat format;

  @Column(name = "content_hash", nullable = false, length = 64)
  private String contentHash;

  @Column(name = "byte_size", nullable = false)
  private long byteSize;

  protected StoredRendition() {}

  public StoredRendition(
      int width, int height, ImageFormat format, String contentHash, long byteSize) {
    this.label = width + "x" + height;
    this.width = width;
    this.height = height;
    this.format = format;
    this.contentHash = contentHash;
    this.byteSize = byteSize;
  }

  public String getLabel() {
    return label;
  }

  public int getWidth() {
    return width;
  }

  public int getHeight() {
    return height;
  }

  public ImageFormat getFormat() {
    return format;
  }

  public String getContentHash() {
    return contentHash;
  }

  public long getByteSize() {
    return byteSize;
  }

  /** Where the rendition is delivered: immutable, content-addressed. */
  public String url() {
    return "/assets/" + contentHash + "." + format.extension();
  }
}
