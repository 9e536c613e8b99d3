package dev.marquee.render.engine;

/**
 * An accepted, not yet decoded source image: its bytes, what the header says, how it is oriented
 * and whether libjpeg-turbo may decode it. Coordinates used by templates and regions refer to the
 * displayed size.
 *
 * @param reducible how a JPEG takes the DCT-scaling fast path, or {@code null} for ImageIO
 */
public record SourceImage(
    byte[] bytes, ImageProbe probe, ExifOrientation orientation, ReducibleJpeg reducible) {

  public int displayedWidth() {
    return orientation.swapsAxes() ? probe.height() : probe.width();
  }

  public int displayedHeight() {
    return orientation.swapsAxes() ? probe.width() : probe.height();
  }
}
