package dev.marquee.render.engine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Decodes only what a render needs: the crop region, subsampled while reading when the output is
 * much smaller (shrink-on-load), oriented per EXIF and converted to 8-bit sRGB.
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

  /** Probes the bytes (limits are enforced here) and reads the orientation; decodes nothing. */
  public SourceImage open(byte[] bytes) {
    ImageProbe probe = inspector.inspect(bytes);
    ExifOrientation orientation =
        probe.format() == ImageFormat.JPEG
            ? ExifOrientationReader.read(bytes)
            : ExifOrientation.NORMAL;
    return new SourceImage(bytes, probe, orientation);
  }

  /**
   * The subsampling factor to read a crop with so it stays at least twice the output size: decoder
   * subsampling skips pixels (it aliases), so the final high-quality resize still gets a 2× margin
   * to filter from.
   */
  public static int shrinkOnLoadFactor(PixelRect crop, int outputWidth, int outputHeight) {
    double ratio =
        Math.min(crop.width() / (double) outputWidth, crop.height() / (double) outputHeight);
    return Math.max(1, (int) Math.floor(ratio / 2));
  }

  /**
   * Decodes part of the source.
   *
   * @param displayedRegion the wanted pixels in displayed (oriented) coordinates
   * @param subsampling keep every n-th pixel in each direction while decoding
   * @return the region as displayed, about {@code region / subsampling} in size, 8-bit sRGB
   */
  public BufferedImage decode(SourceImage source, PixelRect displayedRegion, int subsampling) {
    ImageProbe probe = source.probe();
    PixelRect stored =
        source.orientation().toStored(displayedRegion, probe.width(), probe.height());
    BufferedImage image = SrgbNormalizer.toSrgb(read(source, stored, Math.max(1, subsampling)));
    if (probe.format() == ImageFormat.PNG) {
      // TwelveMonkeys applies JPEG profiles itself; the JDK PNG reader ignores iCCP.
      var profile = PngIccProfileReader.read(source.bytes());
      if (profile.isPresent()) {
        image = SrgbNormalizer.fromProfile(image, profile.get());
      }
    }
    return source.orientation().apply(image);
  }

  /** A small copy of the whole image (longest side at most {@code maxSide}) for analysis. */
  public BufferedImage thumbnail(SourceImage source, int maxSide) {
    PixelRect all = new PixelRect(0, 0, source.displayedWidth(), source.displayedHeight());
    int longest = Math.max(all.width(), all.height());
    BufferedImage decoded = decode(source, all, Math.max(1, longest / (2 * maxSide)));
    if (Math.max(decoded.getWidth(), decoded.getHeight()) <= maxSide) {
      return decoded;
    }
    try {
      return Thumbnails.of(decoded).size(maxSide, maxSide).asBufferedImage();
    } catch (IOException e) {
      throw new IllegalStateException(e); // in-memory resize does no I/O
    }
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
