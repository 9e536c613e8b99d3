package dev.marquee.render.engine;

/**
 * An accepted, not yet decoded source image: its bytes, what the header says and how it is
 * oriented. Coordinates used by templates and regions refer to the displayed size.
 */
public record SourceImage(byte[] bytes, ImageProbe probe, ExifOrientation orientation) {

  public int displayedWidth() {
    return orientation.swapsAxes() ? probe.height() : probe.width();
  }

  public int displayedHeight() {
    return orientation.swapsAxes() ? probe.width() : probe.height();
  }
}
