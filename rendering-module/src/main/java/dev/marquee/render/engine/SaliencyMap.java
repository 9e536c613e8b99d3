package dev.marquee.render.engine;

import java.awt.image.BufferedImage;

/**
 * A coarse "how interesting is each cell" grid for smart cropping: edge energy (luma gradient) plus
 * colour saturation, computed on a small downscaled copy so it costs microseconds.
 */
public final class SaliencyMap {
  private final int width;
  private final int height;
  private final double[] values;

  public SaliencyMap(int width, int height, double[] values) {
    if (width <= 0 || height <= 0 || values.length != width * height) {
      throw new IllegalArgumentException("saliency grid size does not match its values");
    }
    this.width = width;
    this.height = height;
    this.values = values.clone();
  }

  /** Builds the map from a small image (callers pass a thumbnail, not the full source). */
  public static SaliencyMap of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double[] luma = new double[w * h];
    double[] saturation = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        luma[y * w + x] = 0.299 * r + 0.587 * g + 0.114 * b;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        saturation[y * w + x] = max == 0 ? 0 : (max - min) / (double) max;
      }
    }
    double[] values = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = luma[y * w + Math.min(w - 1, x + 1)] - luma[y * w + Math.max(0, x - 1)];
        double dy = luma[Math.min(h - 1, y + 1) * w + x] - luma[Math.max(0, y - 1) * w + x];
        // Saturation is weighted to matter about as much as a moderate edge.
        values[y * w + x] = Math.abs(dx) + Math.abs(dy) + 40 * saturation[y * w + x];
      }
    }
    return new SaliencyMap(w, h, values);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  double value(int x, int y) {
    return values[y * width + x];
  }
}
