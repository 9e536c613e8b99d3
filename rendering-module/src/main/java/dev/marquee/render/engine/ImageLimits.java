package dev.marquee.render.engine;

/**
 * Upper bounds checked on the header before any pixel is decoded, so a small file that declares a
 * huge canvas (a decompression bomb) never reaches the decoder.
 *
 * @param maxBytes largest accepted file size
 * @param maxWidth widest accepted image
 * @param maxHeight tallest accepted image
 * @param maxPixels largest accepted width × height
 */
public record ImageLimits(long maxBytes, int maxWidth, int maxHeight, long maxPixels) {

  public ImageLimits {
    if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0) {
      throw new IllegalArgumentException("image limits must be positive");
    }
  }

  /** 50 MB, 12000 px a side, 100 Mpx: room for 8K key art, not for bombs. */
  public static ImageLimits defaults() {
    return new ImageLimits(50L * 1024 * 1024, 12_000, 12_000, 100_000_000L);
  }
}
