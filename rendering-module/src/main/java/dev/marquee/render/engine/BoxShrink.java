package dev.marquee.render.engine;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Shrinks part of an image by whole factors with a box filter: each output pixel is the mean of a
 * kx×ky block (blocks cut off at the right or bottom edge average the pixels they have). Images
 * with alpha are averaged premultiplied, so transparent pixels add no colour.
 */
final class BoxShrink {
  private BoxShrink() {}

  /**
   * @param src {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}
   * @param region the pixels of {@code src} to shrink
   * @return a new image of the source's type, ⌈width/kx⌉ × ⌈height/ky⌉
   */
  static BufferedImage shrink(BufferedImage src, PixelRect region, int kx, int ky) {
    boolean alpha = src.getType() == BufferedImage.TYPE_INT_ARGB;
    int w = region.width();
    int ow = (w + kx - 1) / kx;
    int oh = (region.height() + ky - 1) / ky;
    BufferedImage out = new BufferedImage(ow, oh, src.getType());
    int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    int[] line = new int[w];
    int[] r = new int[ow];
    int[] g = new int[ow];
    int[] b = new int[ow];
    int[] a = new int[ow];
    int[] n = new int[ow];
    for (int oy = 0; oy < oh; oy++) {
      java.util.Arrays.fill(r, 0);
      java.util.Arrays.fill(g, 0);
      java.util.Arrays.fill(b, 0);
      java.util.Arrays.fill(a, 0);
      java.util.Arrays.fill(n, 0);
      int y1 = Math.min(region.height(), (oy + 1) * ky);
      for (int y = oy * ky; y < y1; y++) {
        src.getRGB(region.x(), region.y() + y, w, 1, line, 0, w);
        for (int x = 0; x < w; x++) {
          int p = line[x];
          int o = x / kx;
          int weight = alpha ? p >>> 24 : 1;
          r[o] += (p >> 16 & 0xFF) * weight;
          g[o] += (p >> 8 & 0xFF) * weight;
          b[o] += (p & 0xFF) * weight;
          a[o] += p >>> 24;
          n[o]++;
        }
      }
      for (int o = 0, i = oy * ow; o < ow; o++, i++) {
        int divisor = alpha ? a[o] : n[o];
        if (divisor == 0) {
          pixels[i] = 0;
          continue;
        }
        int half = divisor / 2;
        int alphaByte = alpha ? (a[o] + n[o] / 2) / n[o] : 0xFF;
        pixels[i] =
            alphaByte << 24
                | (r[o] + half) / divisor << 16
                | (g[o] + half) / divisor << 8
                | (b[o] + half) / divisor;
      }
    }
    return out;
  }
}
