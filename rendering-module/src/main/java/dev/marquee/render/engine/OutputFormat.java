package dev.marquee.render.engine;

/**
 * The encoding of renditions.
 *
 * @param format JPEG, PNG or WebP
 * @param quality 0..1 for JPEG and lossy WebP; ignored for PNG
 */
public record OutputFormat(ImageFormat format, float quality) {

  public OutputFormat {
    if (format == null) {
      throw new InvalidRenderSpecException("output format is required");
    }
    if (!(quality >= 0 && quality <= 1)) {
      throw new InvalidRenderSpecException("quality must be between 0 and 1, was " + quality);
    }
  }

  public static OutputFormat jpeg(float quality) {
    return new OutputFormat(ImageFormat.JPEG, quality);
  }

  public static OutputFormat png() {
    return new OutputFormat(ImageFormat.PNG, 1f);
  }

  public static OutputFormat webp(float quality) {
    return new OutputFormat(ImageFormat.WEBP, quality);
  }

  public boolean supportsAlpha() {
    return format != ImageFormat.JPEG;
  }
}
