package dev.marquee.render.engine;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes renditions with fixed settings and no metadata beyond what the format requires (no
 * timestamps, no software tags), so identical pixels always give identical bytes and hashes.
 *
 * <p>JPEG goes through libjpeg-turbo ({@link TurboJpeg}) when it is available: baseline, standard
 * tables at the IJG quality scale, no Huffman optimisation, and libvips's chroma rule (4:2:0 below
 * quality 90, 4:4:4 from 90), so files match libvips's at the same setting. Without the natives the
 * JDK's writer is used (same tables and quality scale, always 4:2:0). PNG and WebP use ImageIO.
 */
final class RenditionEncoder {
  /** From this quality on, chroma is kept at full resolution (as libvips does). */
  static final float FULL_CHROMA_QUALITY = 0.9f;

  private RenditionEncoder() {}

  static byte[] encode(BufferedImage image, OutputFormat format) {
    if (format.format() == ImageFormat.JPEG && TurboJpeg.isAvailable()) {
      int quality = Math.max(1, Math.min(100, Math.round(format.quality() * 100)));
      return TurboJpeg.encode(image, quality, format.quality() >= FULL_CHROMA_QUALITY);
    }
    ImageWriter writer = writerFor(format.format());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      switch (format.format()) {
        case JPEG -> {
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionQuality(format.quality());
          param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
        }
        case WEBP -> {
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionType("Lossy"); // webp-imageio's type names: Lossy, Lossless
          param.setCompressionQuality(format.quality());
        }
        case PNG -> {
          // Defaults: deflate, no tIME chunk.
        }
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException("encoding " + format.format() + " failed", e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ImageWriter writerFor(ImageFormat format) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.mediaType());
    ImageWriter chosen = null;
    while (writers.hasNext()) {
      ImageWriter writer = writers.next();
      // Prefer the JDK's own JPEG/PNG writers: stable output across plugin upgrades.
      if (chosen == null || writer.getClass().getName().startsWith("com.sun.imageio")) {
        chosen = writer;
      }
    }
    if (chosen == null) {
      throw new IllegalStateException("no ImageIO writer for " + format);
    }
    return chosen;
  }
}
