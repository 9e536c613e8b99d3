package dev.marquee.render.engine;

/** Machine-readable reason why a source image was refused; stable codes for API error details. */
public enum RejectionReason {
  EMPTY,
  TOO_MANY_BYTES,
  UNSUPPORTED_FORMAT,
  TRUNCATED,
  CORRUPT_HEADER,
  DIMENSIONS_TOO_LARGE,
  TOO_MANY_PIXELS,
  DECODE_FAILED;

  /** The code as it appears in API error details, e.g. {@code image.truncated}. */
  public String code() {
    return "image." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
