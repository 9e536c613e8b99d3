package dev.marquee.render.engine;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Separable Lanczos-3 resampling of 8-bit sRGB images: the kernel libvips applies after
 * shrink-on-load. When shrinking, the kernel is widened by the scale factor so every source pixel
 * contributes (no aliasing); beyond the image edge the outermost pixel repeats. Images with alpha
 * are resampled premultiplied, so transparent pixels do not bleed their colour into the edges.
 *
 * <p>Shrinks of 4× and more start with a whole-factor box shrink ({@link BoxShrink}), as libvips's
 * resize does, which leaves Lanczos 2–4× and costs a fraction of the wider kernel.
 *
 * <p>The source window is given in fractional pixels, so a crop whose edges fall between the pixels
 * of a reduced (shrink-on-load) decode is still reproduced exactly.
 *
 * <p>Deterministic across JVMs and CPUs: weights come from {@link StrictMath}, and Java's float
 * arithmetic is plain IEEE 754 (no fused multiply-add, no reordering, even when vectorised).
 */
final class LanczosResampler {
  static final int LOBES = 3;

  private LanczosResampler() {}

  /**
   * Resamples a window of {@code src} to {@code outWidth}×{@code outHeight}.
   *
   * @param src {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}
   * @param x left edge of the window, in source pixels (pixel i spans i..i+1)
   * @param y top edge of the window
   * @param width window width in source pixels, positive
   * @param height window height in source pixels, positive
   * @return a new image of the source's type
   */
  static BufferedImage resample(
      BufferedImage src,
      double x,
      double y,
      double width,
      double height,
      int outWidth,
      int outHeight) {
    if (!(width > 0 && height > 0) || outWidth < 1 || outHeight < 1) {
      throw new IllegalArgumentException("window and output size must be positive");
    }
    boolean alpha = src.getType() == BufferedImage.TYPE_INT_ARGB;
    if (!alpha && src.getType() != BufferedImage.TYPE_INT_RGB) {
      throw new IllegalArgumentException("expects TYPE_INT_RGB or TYPE_INT_ARGB, got " + src);
    }
    int kx = boxFactor(width / outWidth);
    int ky = boxFactor(height / outHeight);
    if (kx > 1 || ky > 1) {
      // As libvips does: whole factors by box filter first, leaving the last 2-4x to Lanczos.
      int bx = Math.max(0, (int) Math.floor(x));
      int by = Math.max(0, (int) Math.floor(y));
      int bw = Math.min(src.getWidth(), (int) Math.ceil(x + width)) - bx;
      int bh = Math.min(src.getHeight(), (int) Math.ceil(y + height)) - by;
      if (bw > 0 && bh > 0) {
        BufferedImage boxed = BoxShrink.shrink(src, new PixelRect(bx, by, bw, bh), kx, ky);
        return resample(
            boxed, (x - bx) / kx, (y - by) / ky, width / kx, height / ky, outWidth, outHeight);
      }
    }
    Axis columns = Axis.of(x, width, outWidth, src.getWidth());
    Axis rows = Axis.of(y, height, outHeight, src.getHeight());
    BufferedImage out = new BufferedImage(outWidth, outHeight, src.getType());
    new Pass(src, alpha, columns, rows).run(pixels(out));
    return out;
  }

  /** libvips's integer part of a shrink for Lanczos: half the factor, rounded down. */
  static int boxFactor(double factor) {
    return Math.max(1, (int) Math.floor(factor / 2));
  }

  /** The backing array of an image created here (offset 0, stride = width). */
  private static int[] pixels(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  static double lanczos3(double t) {
    if (t == 0) {
      return 1;
    }
    if (t <= -LOBES || t >= LOBES) {
      return 0;
    }
    double pt = Math.PI * t;
    return LOBES * StrictMath.sin(pt) * StrictMath.sin(pt / LOBES) / (pt * pt);
  }

  /**
   * Weights along one axis: output index o reads source pixels {@code first[o] ..
   * first[o]+count[o]-1} with {@code weights[o*taps + k]}, already normalised and with the pixels
   * beyond the edge folded onto the edge pixel.
   */
  record Axis(int[] first, int[] count, float[] weights, int taps) {
    static Axis of(double origin, double length, int outSize, int srcSize) {
      double scale = length / outSize;
      double stretch = Math.max(1, scale);
      double support = LOBES * stretch;
      int taps = Math.min(srcSize, (int) Math.ceil(2 * support) + 1);
      int[] first = new int[outSize];
      int[] count = new int[outSize];
      float[] weights = new float[outSize * taps];
      double[] folded = new double[srcSize];
      for (int o = 0; o < outSize; o++) {
        double centre = origin + (o + 0.5) * scale;
        int lo = (int) Math.ceil(centre - support - 0.5);
        int hi = (int) Math.floor(centre + support - 0.5);
        int from = clamp(lo, srcSize);
        int to = clamp(hi, srcSize);
        double sum = 0;
        for (int i = lo; i <= hi; i++) {
          double w = lanczos3((i + 0.5 - centre) / stretch);
          folded[clamp(i, srcSize)] += w;
          sum += w;
        }
        first[o] = from;
        count[o] = to - from + 1;
        for (int i = from; i <= to; i++) {
          weights[o * taps + i - from] = (float) (folded[i] / sum);
        }
        java.util.Arrays.fill(folded, from, to + 1, 0);
      }
      return new Axis(first, count, weights, taps);
    }

    int lowest() {
      return first[0];
    }

    int highest() {
      int max = 0;
      for (int o = 0; o < first.length; o++) {
        max = Math.max(max, first[o] + count[o] - 1);
      }
      return max;
    }

    private static int clamp(int i, int size) {
      return i < 0 ? 0 : Math.min(i, size - 1);
    }
  }

  /**
   * Vertical first, on rows of interleaved floats (a loop the JIT vectorises), then horizontal.
   * Source rows are converted to floats once each, into a ring just deep enough for the kernel.
   */
  private static final class Pass {
    private final BufferedImage src;
    private final boolean alpha;
    private final int channels;
    private final Axis columns;
    private final Axis rows;
    private final int x0;
    private final int spanPixels;
    private final float[][] ring;
    private final int[] ringRow;
    private final int[] line;

    Pass(BufferedImage src, boolean alpha, Axis columns, Axis rows) {
      this.src = src;
      this.alpha = alpha;
      this.channels = alpha ? 4 : 3;
      this.columns = columns;
      this.rows = rows;
      this.x0 = columns.lowest();
      this.spanPixels = columns.highest() - x0 + 1;
      this.ring = new float[rows.taps()][spanPixels * channels];
      this.ringRow = new int[rows.taps()];
      java.util.Arrays.fill(ringRow, -1);
      this.line = new int[spanPixels];
    }

    void run(int[] out) {
      int outWidth = columns.first().length;
      float[] acc = new float[spanPixels * channels];
      float[] vw = rows.weights();
      for (int oy = 0; oy < rows.first().length; oy++) {
        java.util.Arrays.fill(acc, 0f);
        int first = rows.first()[oy];
        int n = rows.count()[oy];
        int base = oy * rows.taps();
        int k = 0;
        for (; k + 3 < n; k += 4) {
          float w0 = vw[base + k];
          float w1 = vw[base + k + 1];
          float w2 = vw[base + k + 2];
          float w3 = vw[base + k + 3];
          float[] r0 = row(first + k);
          float[] r1 = row(first + k + 1);
          float[] r2 = row(first + k + 2);
          float[] r3 = row(first + k + 3);
          for (int i = 0; i < acc.length; i++) {
            acc[i] += w0 * r0[i] + w1 * r1[i] + w2 * r2[i] + w3 * r3[i];
          }
        }
        for (; k < n; k++) {
          float w = vw[base + k];
          float[] r = row(first + k);
          for (int i = 0; i < acc.length; i++) {
            acc[i] += w * r[i];
          }
        }
        if (alpha) {
          horizontalArgb(acc, out, oy * outWidth);
        } else {
          horizontalRgb(acc, out, oy * outWidth);
        }
      }
    }

    private void horizontalRgb(float[] acc, int[] out, int offset) {
      int[] first = columns.first();
      int[] count = columns.count();
      float[] hw = columns.weights();
      int taps = columns.taps();
      for (int ox = 0; ox < first.length; ox++) {
        int s = (first[ox] - x0) * 3;
        int wo = ox * taps;
        float r = 0;
        float g = 0;
        float b = 0;
        for (int k = 0, n = count[ox]; k < n; k++, s += 3) {
          float w = hw[wo + k];
          r += w * acc[s];
          g += w * acc[s + 1];
          b += w * acc[s + 2];
        }
        out[offset + ox] = 0xFF000000 | toByte(r) << 16 | toByte(g) << 8 | toByte(b);
      }
    }

    private void horizontalArgb(float[] acc, int[] out, int offset) {
      int[] first = columns.first();
      int[] count = columns.count();
      float[] hw = columns.weights();
      int taps = columns.taps();
      for (int ox = 0; ox < first.length; ox++) {
        int s = (first[ox] - x0) * 4;
        int wo = ox * taps;
        float r = 0;
        float g = 0;
        float b = 0;
        float a = 0;
        for (int k = 0, n = count[ox]; k < n; k++, s += 4) {
          float w = hw[wo + k];
          r += w * acc[s];
          g += w * acc[s + 1];
          b += w * acc[s + 2];
          a += w * acc[s + 3];
        }
        int alphaByte = toByte(a);
        if (alphaByte == 0) {
          out[offset + ox] = 0;
        } else {
          float unpremultiply = 255f / a;
          out[offset + ox] =
              alphaByte << 24
                  | toByte(r * unpremultiply) << 16
                  | toByte(g * unpremultiply) << 8
                  | toByte(b * unpremultiply);
        }
      }
    }

    private static int toByte(float v) {
      int i = (int) (v + 0.5f);
      return i < 0 ? 0 : Math.min(i, 255);
    }

    /** Source row {@code y} (from column x0, span pixels wide) as interleaved floats. */
    private float[] row(int y) {
      int slot = y % ring.length;
      float[] r = ring[slot];
      if (ringRow[slot] != y) {
        readRow(y, line);
        if (alpha) {
          for (int i = 0, j = 0; i < spanPixels; i++, j += 4) {
            int p = line[i];
            float a = p >>> 24;
            float premultiply = a / 255f;
            r[j] = (p >> 16 & 0xFF) * premultiply;
            r[j + 1] = (p >> 8 & 0xFF) * premultiply;
            r[j + 2] = (p & 0xFF) * premultiply;
            r[j + 3] = a;
          }
        } else {
          for (int i = 0, j = 0; i < spanPixels; i++, j += 3) {
            int p = line[i];
            r[j] = p >> 16 & 0xFF;
            r[j + 1] = p >> 8 & 0xFF;
            r[j + 2] = p & 0xFF;
          }
        }
        ringRow[slot] = y;
      }
      return r;
    }

    private void readRow(int y, int[] into) {
      WritableRaster raster = src.getRaster();
      if (raster.getDataBuffer() instanceof DataBufferInt data
          && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
          && data.getNumBanks() == 1) {
        int stride = model.getScanlineStride();
        int offset =
            data.getOffset()
                + (y - raster.getSampleModelTranslateY()) * stride
                + (x0 - raster.getSampleModelTranslateX());
        System.arraycopy(data.getData(), offset, into, 0, spanPixels);
      } else {
        src.getRGB(x0, y, spanPixels, 1, into, 0, spanPixels);
      }
    }
  }
}
