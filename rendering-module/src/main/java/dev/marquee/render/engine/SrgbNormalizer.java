package dev.marquee.render.engine;

import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns whatever a decoder produced (grey, palette, 16-bit, alpha, ICC-profiled) into 8-bit sRGB
 * {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}, the only two layouts the rest of the engine sees.
 */
final class SrgbNormalizer {
  private SrgbNormalizer() {}

  static BufferedImage toSrgb(BufferedImage src) {
    ColorModel cm = src.getColorModel();
    boolean alpha = cm.hasAlpha();
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    if (src.getType() == type) {
      return src;
    }
    ColorSpace cs = cm.getColorSpace();
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
    if (cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1) {
      // Java's CS_GRAY is linear, so a colour-managed conversion would lighten every grey PNG.
      // Grey files are encoded with the sRGB curve in practice: copy the value into R, G and B.
      copyGray(src.getRaster(), out, alpha);
    } else if (cs.isCS_sRGB() || cm instanceof java.awt.image.IndexColorModel) {
      Graphics2D g = out.createGraphics();
      try {
        g.drawImage(src, 0, 0, null);
      } finally {
        g.dispose();
      }
    } else {
      // An embedded ICC profile (Adobe RGB, Display P3, ...) or a linear space: convert properly.
      new ColorConvertOp(null).filter(src, out);
    }
    return out;
  }

  private static void copyGray(Raster raster, BufferedImage out, boolean alpha) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    int grayMax = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
    int alphaMax = alpha ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
    int[] argb = new int[w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int g = Math.round(raster.getSample(x, y, 0) * 255f / grayMax);
        int a = alpha ? Math.round(raster.getSample(x, y, 1) * 255f / alphaMax) : 255;
        argb[x] = a << 24 | g << 16 | g << 8 | g;
      }
      out.setRGB(0, y, w, 1, argb, 0, w);
    }
  }

  /**
   * Reinterprets 8-bit pixels as being in {@code space} and converts them to sRGB, for decoders
   * that return raw values and drop the embedded profile.
   */
  static BufferedImage fromProfile(BufferedImage srgbTyped, ColorSpace space) {
    boolean alpha = srgbTyped.getColorModel().hasAlpha();
    int w = srgbTyped.getWidth();
    int h = srgbTyped.getHeight();
    int bands = alpha ? 4 : 3;
    ComponentColorModel tagged =
        new ComponentColorModel(
            space,
            alpha,
            false,
            alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster = tagged.createCompatibleWritableRaster(w, h);
    byte[] samples = ((DataBufferByte) raster.getDataBuffer()).getData();
    int[] row = new int[w];
    for (int y = 0, i = 0; y < h; y++) {
      srgbTyped.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++, i += bands) {
        int argb = row[x];
        samples[i] = (byte) (argb >> 16);
        samples[i + 1] = (byte) (argb >> 8);
        samples[i + 2] = (byte) argb;
        if (alpha) {
          samples[i + 3] = (byte) (argb >>> 24);
        }
      }
    }
    BufferedImage out = new BufferedImage(w, h, srgbTyped.getType());
    new ColorConvertOp(null).filter(new BufferedImage(tagged, raster, false, null), out);
    return out;
  }
}
