package dev.marquee.render.engine;

import java.util.Optional;

/** The image formats the engine accepts as sources and can write as renditions. */
public enum ImageFormat {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  WEBP("image/webp", "webp");

  private final String mediaType;
  private final String extension;

  ImageFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** How many leading bytes {@link #sniff} needs to tell every format apart. */
  public static final int MAGIC_LENGTH = 12;

  /**
   * The format the bytes start with, judged by magic bytes only (pass at least {@link
   * #MAGIC_LENGTH}); empty when they start none of the accepted formats.
   */
  public static Optional<ImageFormat> sniff(byte[] head) {
    return Optional.ofNullable(FormatSniffer.recognise(head));
  }

  /** The format whose {@link #extension()} this is (exact, lower case), if any. */
  public static Optional<ImageFormat> ofExtension(String extension) {
    for (ImageFormat format : values()) {
      if (format.extension.equals(extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
