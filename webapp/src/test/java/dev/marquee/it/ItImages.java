package dev.marquee.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real image files, and deliberately bad ones, built in the test so every case is visible in code:
 * encoded by ImageIO, or crafted byte by byte with correct checksums where the point is a lying
 * header.
 */
final class ItImages {
  private ItImages() {}

  /** A picture with some structure (so identical sizes still differ by {@code seed}). */
  static BufferedImage picture(int width, int height, int type, long seed) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    Random random = new Random(seed);
    g.setColor(new Color(random.nextInt(0xFFFFFF)));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(random.nextInt(0xFFFFFF)));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return image;
  }

  static byte[] png(int width, int height, long seed) {
    return encode(picture(width, height, BufferedImage.TYPE_INT_RGB, seed), "png");
  }

  static byte[] jpeg(int width, int height, long seed) {
    return encode(picture(width, height, BufferedImage.TYPE_INT_RGB, seed), "jpeg");
  }

  static byte[] webp(int width, int height, long seed) {
    return encode(picture(width, height, BufferedImage.TYPE_INT_RGB, seed), "webp");
  }

  static byte[] grayPng(int width, int height, long seed) {
    return encode(picture(width, height, BufferedImage.TYPE_BYTE_GRAY, seed), "png");
  }

  static byte[] alphaPng(int width, int height, long seed) {
    return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB, seed), "png");
  }

  static byte[] sixteenBitPng(int width, int height, long seed) {
    return encode(picture(width, height, BufferedImage.TYPE_USHORT_GRAY, seed), "png");
  }

  static byte[] palettePng(int width, int height, long seed) {
    byte[] r = {0, (byte) 255, 0, 0};
    byte[] g = {0, 0, (byte) 255, 0};
    byte[] b = {0, 0, 0, (byte) 255};
    BufferedImage image =
        new BufferedImage(
            width, height, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b));
    Graphics2D gr = image.createGraphics();
    gr.setColor(seed % 2 == 0 ? Color.RED : Color.GREEN);
    gr.fillRect(0, 0, width / 2, height);
    gr.dispose();
    return encode(image, "png");
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JPEG stored {@code width}×{@code height} with an EXIF orientation (6 = rotate 90° CW). */
  static byte[] jpegWithOrientation(int width, int height, int orientation, long seed) {
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8); // big-endian TIFF header, IFD at 8
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0); // no next IFD
    return withApp1(jpeg(width, height, seed), exifPayload(tiff.array()));
  }

  /** A JPEG whose EXIF segment points its IFD far outside the segment. */
  static byte[] jpegWithCorruptExif(int width, int height, long seed) {
    ByteBuffer tiff = ByteBuffer.allocate(16);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(0x7FFFFFF0);
    tiff.putInt(0xDEADBEEF).putInt(0xCAFEBABE);
    return withApp1(jpeg(width, height, seed), exifPayload(tiff.array()));
  }

  private static byte[] exifPayload(byte[] tiff) {
    byte[] payload = new byte[6 + tiff.length];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, payload, 0, 6);
    System.arraycopy(tiff, 0, payload, 6, tiff.length);
    return payload;
  }

  private static byte[] withApp1(byte[] jpeg, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    int length = payload.length + 2;
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.writeBytes(payload);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The first half of a valid JPEG: the scan never ends. */
  static byte[] truncatedJpeg(long seed) {
    byte[] whole = jpeg(200, 120, seed);
    return Arrays.copyOf(whole, whole.length / 2);
  }

  /**
   * A complete, checksum-correct PNG of a few hundred bytes whose header declares {@code width} ×
   * {@code height}: a decompression bomb if anything decoded it.
   */
  static byte[] pngDeclaring(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    byte[] compressedZeros = new byte[200];
    new Random(7).nextBytes(compressedZeros);
    chunk(out, "IDAT", compressedZeros);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** A real PNG whose IHDR checksum was altered. */
  static byte[] pngWithBadChecksum(long seed) {
    byte[] png = png(30, 20, seed);
    png[32] ^= 0x55; // last byte of the IHDR CRC
    return png;
  }

  /** A structurally complete PNG (IHDR, IDAT, IEND, correct CRCs) whose pixel data is not zlib. */
  static byte[] pngWithGarbagePixels() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(16).putInt(16);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    byte[] garbage = new byte[64];
    Arrays.fill(garbage, (byte) 0xFF);
    chunk(out, "IDAT", garbage);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /** A real PNG with a text chunk of {@code metadataBytes} inserted before its pixels. */
  static byte[] pngWithHugeMetadata(int metadataBytes, long seed) {
    byte[] png = png(40, 30, seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, 33); // signature + IHDR
    byte[] text = new byte[metadataBytes];
    Arrays.fill(text, (byte) 'a');
    System.arraycopy("Comment\0".getBytes(StandardCharsets.ISO_8859_1), 0, text, 0, 8);
    chunk(out, "tEXt", text);
    out.write(png, 33, png.length - 33);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** A two-frame animated GIF written by ImageIO. */
  static byte[] animatedGif() {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (var out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        for (int frame = 0; frame < 2; frame++) {
          BufferedImage image = picture(32, 32, BufferedImage.TYPE_INT_RGB, frame);
          ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(image);
          IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
          String format = metadata.getNativeMetadataFormatName();
          IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
          IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
          control.setAttribute("disposalMethod", "none");
          control.setAttribute("userInputFlag", "FALSE");
          control.setAttribute("transparentColorFlag", "FALSE");
          control.setAttribute("delayTime", "10");
          control.setAttribute("transparentColorIndex", "0");
          root.appendChild(control);
          metadata.setFromTree(format, root);
          writer.writeToSequence(new IIOImage(image, null, metadata), null);
        }
        writer.endWriteSequence();
      }
      writer.dispose();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] svg() {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
            + "<script>alert(document.domain)</script><rect width=\"100\" height=\"100\"/></svg>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** An HTML page followed by a real PNG: a browser that sniffs would run the script. */
  static byte[] htmlPolyglot(long seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        "<html><body><script>alert(document.cookie)</script><!--"
            .getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(png(10, 10, seed));
    out.writeBytes("--></body></html>".getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }

  /**
   * A CMYK JPEG (four-channel raster plus the Adobe segment Photoshop writes), as print workflows
   * deliver key art.
   */
  static byte[] cmykJpeg(int width, int height) {
    WritableRaster raster =
        Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int c = x < width / 2 ? 0 : 255; // inverted ink values: 255 = no ink
        raster.setPixel(x, y, new int[] {c, 255, 255, 255});
      }
    }
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = null;
    while (writers.hasNext()) {
      ImageWriter candidate = writers.next();
      if (candidate.canWriteRasters()) {
        writer = candidate;
        break;
      }
    }
    if (writer == null) {
      throw new IllegalStateException("no JPEG writer that accepts rasters");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.95f);
      writer.write(null, new IIOImage(raster, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    byte[] plain = out.toByteArray();
    ByteArrayOutputStream marked = new ByteArrayOutputStream();
    marked.write(plain, 0, 2);
    marked.writeBytes(
        new byte[] {
          (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
        });
    marked.write(plain, 2, plain.length - 2);
    return marked.toByteArray();
  }

  /** A multipart/form-data body with one file part. */
  static Multipart multipart(String field, String fileName, String partType, byte[] content) {
    String boundary = "marquee-it-" + Long.toHexString(new Random().nextLong());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + partType
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
  }

  record Multipart(String contentType, byte[] body) {}
}
