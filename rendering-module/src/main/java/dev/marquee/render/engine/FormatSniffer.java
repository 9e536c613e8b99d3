package dev.marquee.render.engine;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Recognises the format from magic bytes only, never from a file name or a declared media type.
 * Anything that is not JPEG, PNG or WebP is rejected by name so the editor sees what was wrong.
 */
final class FormatSniffer {
  private FormatSniffer() {}

  static ImageFormat sniff(byte[] b) {
    ImageFormat format = recognise(b);
    if (format != null) {
      return format;
    }
    throw new ImageRejectedException(
        RejectionReason.UNSUPPORTED_FORMAT,
        "Unsupported image format: " + describeUnsupported(b) + ". Upload a JPEG, PNG or WebP.");
  }

  /** The format these leading bytes start, or null when they start none of ours. */
  static ImageFormat recognise(byte[] b) {
    if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
      return ImageFormat.JPEG;
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return ImageFormat.PNG;
    }
    if (startsWith(b, 'R', 'I', 'F', 'F') && b.length >= 12 && ascii(b, 8, 4).equals("WEBP")) {
      return ImageFormat.WEBP;
    }
    return null;
  }

  private static String describeUnsupported(byte[] b) {
    if (startsWith(b, 'G', 'I', 'F', '8')) {
      return "GIF (animated or still GIFs are not supported)";
    }
    if (startsWith(b, 'B', 'M')) {
      return "BMP";
    }
    if (startsWith(b, 'I', 'I', 0x2A, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2A)) {
      return "TIFF";
    }
    if (startsWith(b, 0x00, 0x00, 0x01, 0x00)) {
      return "ICO";
    }
    if (startsWith(b, '%', 'P', 'D', 'F')) {
      return "PDF";
    }
    if (b.length >= 12 && ascii(b, 4, 4).equals("ftyp")) {
      return "HEIF/AVIF/ISO media (" + ascii(b, 8, 4).trim() + ")";
    }
    if (startsWith(b, 'R', 'I', 'F', 'F')) {
      return "RIFF container that is not WebP";
    }
    String text = leadingText(b);
    if (text.startsWith("<")) {
      // Markup up front means a browser may sniff it as a document even if image magic follows.
      if (text.contains("svg")) {
        return "SVG";
      }
      if (text.contains("html")) {
        return "HTML";
      }
      return "XML/markup";
    }
    return "unrecognised content";
  }

  /** The first bytes as lower-case text, after an optional UTF-8 BOM and leading whitespace. */
  private static String leadingText(byte[] b) {
    int start = startsWith(b, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    while (start < b.length && Character.isWhitespace(b[start])) {
      start++;
    }
    return new String(b, start, Math.min(256, b.length - start), StandardCharsets.ISO_8859_1)
        .toLowerCase(Locale.ROOT);
  }

  static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  static String ascii(byte[] b, int offset, int length) {
    return new String(b, offset, length, StandardCharsets.ISO_8859_1);
  }
}
