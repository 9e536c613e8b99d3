package dev.marquee.render.engine;

/**
 * Accepts or rejects a source image from its bytes and header alone: format by magic bytes,
 * completeness, and size limits, all before any pixel is decoded.
 */
public final class SourceImageInspector {
  private final ImageLimits limits;

  public SourceImageInspector(ImageLimits limits) {
    this.limits = limits;
  }

  /**
   * Probes the bytes.
   *
   * @throws ImageRejectedException with the reason when the image must not be decoded
   */
  public ImageProbe inspect(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new ImageRejectedException(RejectionReason.EMPTY, "The file is empty");
    }
    if (bytes.length > limits.maxBytes()) {
      throw new ImageRejectedException(
          RejectionReason.TOO_MANY_BYTES,
          "The file has " + bytes.length + " bytes; the limit is " + limits.maxBytes());
    }
    ImageFormat format = FormatSniffer.sniff(bytes);
    HeaderDimensions.Size size = HeaderDimensions.read(format, bytes);
    if (size.width() > limits.maxWidth() || size.height() > limits.maxHeight()) {
      throw new ImageRejectedException(
          RejectionReason.DIMENSIONS_TOO_LARGE,
          "The image is "
              + size.width()
              + "×"
              + size.height()
              + " px; the limit is "
              + limits.maxWidth()
              + "×"
              + limits.maxHeight());
    }
    long pixels = (long) size.width() * size.height();
    if (pixels > limits.maxPixels()) {
      throw new ImageRejectedException(
          RejectionReason.TOO_MANY_PIXELS,
          "The image has " + pixels + " pixels; the limit is " + limits.maxPixels());
    }
    return new ImageProbe(format, size.width(), size.height(), bytes.length);
  }
}
