package dev.marquee.render.engine;

import java.awt.color.ICC_ColorSpace;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes only what a render needs, oriented per EXIF and converted to 8-bit sRGB, shrinking on
 * load when the output is much smaller. Most JPEGs go through libjpeg-turbo with DCT-domain scaling
 * ({@link TurboJpeg}); the rest (PNG, WebP, CMYK/YCCK and other JPEGs described in {@link
 * ReducibleJpeg}, or any JPEG when the natives are missing) through ImageIO with TwelveMonkeys,
 * reading only the region with pixel subsampling.
 */
public final class SourceDecoder {
  static {
    // Renders run on request threads; ImageIO's disk cache would only add temp-file I/O.
    ImageIO.setUseCache(false);
    ImageIO.scanForPlugins();
  }

  private final SourceImageInspector inspector;

  public SourceDecoder(SourceImageInspector inspector) {
    this.inspector = inspector;
  }

  /**
   * Probes the bytes (limits are enforced here), reads the orientation and decides how the pixels
   * will be decoded; decodes nothing.
   */
  public SourceImage open(byte[] bytes) {
    ImageProbe probe = inspector.inspect(bytes);
    boolean jpeg = probe.format() == ImageFormat.JPEG;
    ExifOrientation orientation = jpeg ? ExifOrientationReader.read(bytes) : ExifOrientation.NORMAL;
    ReducibleJpeg reducible = jpeg && TurboJpeg.isAvailable() ? ReducibleJpeg.of(bytes) : null;
    return new SourceImage(bytes, probe, orientation, reducible);
  }

  /**
   * The shrink-on-load factor to decode a crop with for an output of the given size.
   *
   * <p>JPEGs on the libjpeg-turbo path are scaled in the DCT domain, which filters like a box
   * average: the largest factor of 2, 4 or 8 that keeps the crop at least as large as the output
   * (libvips's rule), leaving the rest to the Lanczos-3 resize. ImageIO's subsampling skips pixels
   * instead (it aliases), so there the crop stays at least twice the output size.
   */
  public int shrinkOnLoad(SourceImage source, PixelRect crop, int outputWidth, int outputHeight) {
    if (source.reducible() == null) {
      return subsamplingFactor(crop, outputWidth, outputHeight);
    }
    int shrink = 1;
    while (shrink < 8
        && crop.width() / (shrink * 2) >= outputWidth
        && crop.height() / (shrink * 2) >= outputHeight) {
      shrink *= 2;
    }
    return shrink;
  }

  /** ImageIO's rule: subsample so the crop stays at least twice the output size. */
  static int subsamplingFactor(PixelRect crop, int outputWidth, int outputHeight) {
    double ratio =
        Math.min(crop.width() / (double) outputWidth, crop.height() / (double) outputHeight);
    return Math.max(1, (int) Math.floor(ratio / 2));
  }

  /**
   * Decodes part of the source.
   *
   * @param displayedRegion the wanted pixels in displayed (oriented) coordinates
   * @param shrink the factor from {@link #shrinkOnLoad}: decode at about 1/shrink of the size
   * @return at least the region as displayed, 8-bit sRGB, with where it lies
   */
  public DecodedRegion decode(SourceImage source, PixelRect displayedRegion, int shrink) {
    if (source.reducible() != null) {
      DecodedRegion fast =
          decodeReduced(
              source, displayedRegion, Integer.highestOneBit(Math.min(8, Math.max(1, shrink))));
      if (fast != null) {
        return fast;
      }
      // libjpeg refused the file: ImageIO decides, and rejects it with its reason if it must.
    }
    ImageProbe probe = source.probe();
    PixelRect stored =
        source.orientation().toStored(displayedRegion, probe.width(), probe.height());
    int subsampling = Math.max(1, shrink);
    BufferedImage image = SrgbNormalizer.toSrgb(read(source, stored, subsampling));
    if (probe.format() == ImageFormat.PNG) {
      // TwelveMonkeys applies JPEG profiles itself; the JDK PNG reader ignores iCCP.
      var profile = PngIccProfileReader.read(source.bytes());
      if (profile.isPresent()) {
        image = SrgbNormalizer.fromProfile(image, new ICC_ColorSpace(profile.get()));
      }
    }
    return new DecodedRegion(
        source.orientation().apply(image), displayedRegion.x(), displayedRegion.y(), subsampling);
  }

  /**
   * libjpeg-turbo with DCT-domain scaling: the whole frame at 1/shrink (a reduced pixel per
   * shrink×shrink block, so native memory follows the reduced size), of which only the region's
   * pixels are copied to the heap.
   */
  private static DecodedRegion decodeReduced(SourceImage source, PixelRect displayed, int shrink) {
    ImageProbe probe = source.probe();
    ExifOrientation orientation = source.orientation();
    PixelRect stored = orientation.toStored(displayed, probe.width(), probe.height());
    int x0 = stored.x() / shrink;
    int y0 = stored.y() / shrink;
    int x1 = Math.min(ceilDiv(probe.width(), shrink), ceilDiv(stored.right(), shrink));
    int y1 = Math.min(ceilDiv(probe.height(), shrink), ceilDiv(stored.bottom(), shrink));
    PixelRect reduced = new PixelRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    Optional<BufferedImage> decoded = TurboJpeg.decode(source.bytes(), shrink, reduced);
    if (decoded.isEmpty()) {
      return null;
    }
    BufferedImage image = decoded.get();
    if (source.reducible().convertFrom() != null) {
      image = SrgbNormalizer.fromProfile(image, source.reducible().convertFrom());
    }
    // The decoded pixels cover these stored pixels; flips move the origin, possibly below zero.
    Rectangle2D covered =
        orientation
            .storedToDisplayed(probe.width(), probe.height())
            .createTransformedShape(
                new Rectangle2D.Double(
                    x0 * shrink, y0 * shrink, reduced.width() * shrink, reduced.height() * shrink))
            .getBounds2D();
    return new DecodedRegion(
        orientation.apply(image),
        (int) Math.round(covered.getX()),
        (int) Math.round(covered.getY()),
        shrink);
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }

  /** A small copy of the whole image (longest side at most {@code maxSide}) for analysis. */
  public BufferedImage thumbnail(SourceImage source, int maxSide) {
    int w = source.displayedWidth();
    int h = source.displayedHeight();
    int longest = Math.max(w, h);
    PixelRect all = new PixelRect(0, 0, w, h);
    if (longest <= maxSide) {
      return decode(source, all, 1).image();
    }
    int outW = Math.max(1, (int) Math.round(w * (double) maxSide / longest));
    int outH = Math.max(1, (int) Math.round(h * (double) maxSide / longest));
    DecodedRegion decoded = decode(source, all, shrinkOnLoad(source, all, outW, outH));
    double[] window = decoded.locate(all);
    return LanczosResampler.resample(
        decoded.image(), window[0], window[1], window[2], window[3], outW, outH);
  }

  private static BufferedImage read(SourceImage source, PixelRect region, int subsampling) {
    ImageProbe probe = source.probe();
    try (ImageInputStream in =
        new MemoryCacheImageInputStream(new ByteArrayInputStream(source.bytes()))) {
      ImageReader reader = readerFor(probe.format());
      try {
        reader.setInput(in, true, true); // metadata is not needed for pixels
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(
            new java.awt.Rectangle(region.x(), region.y(), region.width(), region.height()));
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        BufferedImage image = reader.read(0, param);
        return honourParam(image, probe, region, subsampling);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageRejectedException(
          RejectionReason.DECODE_FAILED,
          "The " + probe.format() + " image could not be decoded: " + e.getMessage(),
          e);
    }
  }

  /** Some plugins ignore region/subsampling; apply them afterwards so callers can rely on them. */
  private static BufferedImage honourParam(
      BufferedImage image, ImageProbe probe, PixelRect region, int subsampling) {
    boolean fullImageReturned =
        image.getWidth() == probe.width()
            && image.getHeight() == probe.height()
            && (region.width() != probe.width()
                || region.height() != probe.height()
                || subsampling > 1);
    if (!fullImageReturned) {
      return image;
    }
    BufferedImage cropped =
        image.getSubimage(region.x(), region.y(), region.width(), region.height());
    if (subsampling == 1) {
      return cropped;
    }
    int w = (region.width() + subsampling - 1) / subsampling;
    int h = (region.height() + subsampling - 1) / subsampling;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, cropped.getRGB(x * subsampling, y * subsampling));
      }
    }
    return out;
  }

  private static ImageReader readerFor(ImageFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mediaType());
    ImageReader fallback = null;
    while (readers.hasNext()) {
      ImageReader reader = readers.next();
      // TwelveMonkeys handles CMYK/YCCK and broken ICC profiles that the JDK reader rejects.
      if (format != ImageFormat.JPEG || reader.getClass().getName().contains("twelvemonkeys")) {
        if (fallback != null) {
          fallback.dispose();
        }
        return reader;
      }
      if (fallback == null) {
        fallback = reader;
      } else {
        reader.dispose();
      }
    }
    if (fallback != null) {
      return fallback;
    }
    throw new ImageRejectedException(
        RejectionReason.UNSUPPORTED_FORMAT, "No decoder available for " + format);
  }
}
