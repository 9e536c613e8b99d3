package dev.marquee.render.engine;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * libjpeg-turbo as bundled in OpenCV's imgcodecs (JavaCPP's natives, a dependency already there for
 * face detection). Decoding uses libjpeg's DCT-domain scaling ({@code scale_denom} 2, 4 or 8,
 * through OpenCV's {@code IMREAD_REDUCED_COLOR_*}): a reduced image costs a fraction of a full
 * decode, like libvips's shrink-on-load. Encoding is libjpeg-turbo's baseline encoder with the
 * standard (IJG) quantisation tables scaled by quality.
 *
 * <p>OpenCV's build compiles libjpeg-turbo without its SIMD extensions, so both directions run its
 * portable C code: the same bytes on every x86-64 machine, which keeps renditions content-addressed
 * across nodes.
 *
 * <p>If the natives cannot be loaded (another platform, no writable cache directory), {@link
 * #isAvailable()} is false, the reason is logged once, and callers use ImageIO instead.
 */
final class TurboJpeg {
  private static final Logger LOG = Logger.getLogger(TurboJpeg.class.getName());

  private TurboJpeg() {}

  /** Whether libjpeg-turbo can be used in this process (loads the natives on first call). */
  static boolean isAvailable() {
    return Natives.LOADED;
  }

  private static final class Natives {
    static final boolean LOADED = load();

    private static boolean load() {
      try {
        Loader.load(opencv_imgcodecs.class);
        return true;
      } catch (LinkageError | RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "libjpeg-turbo (OpenCV imgcodecs) is unavailable; JPEGs are decoded and encoded with"
                + " ImageIO, several times slower: "
                + e,
            e);
        return false;
      }
    }
  }

  /**
   * Decodes a JPEG at 1/{@code denominator} of its stored size and returns one region of the
   * result. Orientation tags are ignored (the caller applies them) and colour comes out as the
   * decoder's YCbCr→RGB conversion, without ICC handling.
   *
   * @param denominator 1, 2, 4 or 8
   * @param region the wanted pixels, in stored coordinates of the reduced image
   * @return the region as {@code TYPE_INT_RGB}, or empty when libjpeg could not decode the file
   */
  static Optional<BufferedImage> decode(byte[] jpeg, int denominator, PixelRect region) {
    int flags =
        opencv_imgcodecs.IMREAD_IGNORE_ORIENTATION
            | switch (denominator) {
              case 1 -> opencv_imgcodecs.IMREAD_COLOR;
              case 2 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_2;
              case 4 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_4;
              case 8 -> opencv_imgcodecs.IMREAD_REDUCED_COLOR_8;
              default -> throw new IllegalArgumentException("denominator must be 1, 2, 4 or 8");
            };
    // Every native object made here is freed when the scope closes, not whenever the GC runs.
    try (PointerScope scope = new PointerScope()) {
      Mat encoded = new Mat(1, jpeg.length, CV_8UC1, new BytePointer(jpeg));
      Mat decoded = opencv_imgcodecs.imdecode(encoded, flags);
      if (decoded.empty()
          || decoded.type() != CV_8UC3
          || region.right() > decoded.cols()
          || region.bottom() > decoded.rows()) {
        return Optional.empty();
      }
      return Optional.of(toIntRgb(decoded, region));
    }
  }

  private static BufferedImage toIntRgb(Mat bgr, PixelRect region) {
    int w = region.width();
    int h = region.height();
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    byte[] row = new byte[w * 3];
    BytePointer data = bgr.data();
    long step = bgr.step();
    for (int y = 0; y < h; y++) {
      data.position((region.y() + y) * step + region.x() * 3L).get(row, 0, row.length);
      for (int x = 0, i = 0; x < w; x++, i += 3) {
        pixels[y * w + x] = (row[i + 2] & 0xFF) << 16 | (row[i + 1] & 0xFF) << 8 | row[i] & 0xFF;
      }
    }
    return image;
  }

  /**
   * Encodes an opaque image as a baseline JPEG (JFIF, no other metadata).
   *
   * @param quality 1..100, the IJG scale of the standard tables
   * @param fullChroma 4:4:4 instead of 4:2:0 chroma subsampling
   */
  static byte[] encode(BufferedImage rgb, int quality, boolean fullChroma) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    try (PointerScope scope = new PointerScope()) {
      Mat image = new Mat(h, w, CV_8UC3);
      BytePointer data = image.data();
      long step = image.step();
      int[] line = new int[w];
      byte[] row = new byte[w * 3];
      for (int y = 0; y < h; y++) {
        rgb.getRGB(0, y, w, 1, line, 0, w);
        for (int x = 0, i = 0; x < w; x++, i += 3) {
          int p = line[x];
          row[i] = (byte) p;
          row[i + 1] = (byte) (p >> 8);
          row[i + 2] = (byte) (p >> 16);
        }
        data.position(y * step).put(row, 0, row.length);
      }
      IntPointer params =
          new IntPointer(
              opencv_imgcodecs.IMWRITE_JPEG_QUALITY,
              quality,
              opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR,
              fullChroma
                  ? opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_444
                  : opencv_imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420);
      BytePointer out = new BytePointer();
      if (!opencv_imgcodecs.imencode(".jpg", image, out, params)) {
        throw new IllegalStateException(
            "libjpeg-turbo failed to encode a " + w + "×" + h + " JPEG");
      }
      byte[] bytes = new byte[(int) out.limit()];
      out.position(0).get(bytes);
      return bytes;
    }
  }
}
