package dev.marquee.render.engine;

import java.awt.image.BufferedImage;

/**
 * Pixels decoded for a region of the displayed image, possibly reduced while decoding: the
 * displayed point (x, y) lies at ((x - originX) / scale, (y - originY) / scale) in {@code image}.
 * The image may extend a little beyond the region asked for (to whole reduced pixels).
 *
 * @param image 8-bit sRGB, {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, displayed orientation
 * @param originX displayed x of the image's left edge (negative when a reduced pixel straddles the
 *     displayed image's edge)
 * @param originY displayed y of the image's top edge
 * @param scale displayed pixels per decoded pixel (the shrink-on-load factor)
 */
public record DecodedRegion(BufferedImage image, int originX, int originY, int scale) {

  /** Where a displayed rectangle lies in {@code image}: x, y, width, height in its pixels. */
  double[] locate(PixelRect displayed) {
    return new double[] {
      (displayed.x() - originX) / (double) scale,
      (displayed.y() - originY) / (double) scale,
      displayed.width() / (double) scale,
      displayed.height() / (double) scale
    };
  }
}
