package dev.marquee.render.engine;

import java.util.zip.CRC32;

/**
 * Reads width and height straight from PNG IHDR, JPEG SOFn and WebP VP8/VP8L/VP8X headers, and
 * checks the container is complete. Parsing by hand keeps decoders (and their allocations) out of
 * the picture until the limits have been checked.
 */
final class HeaderDimensions {
  private HeaderDimensions() {}

  /** Width and height as stored. */
  record Size(int width, int height) {}

  static Size read(ImageFormat format, byte[] b) {
    return switch (format) {
      case PNG -> png(b);
      case JPEG -> jpeg(b);
      case WEBP -> webp(b);
    };
  }

  private static Size png(byte[] b) {
    // Signature (8) + IHDR length (4) + "IHDR" (4) + 13 data bytes + CRC (4).
    if (b.length < 33) {
      throw truncated("PNG");
    }
    if (be32(b, 8) != 13 || !FormatSniffer.ascii(b, 12, 4).equals("IHDR")) {
      throw corrupt("PNG does not start with an IHDR chunk");
    }
    CRC32 crc = new CRC32();
    crc.update(b, 12, 17);
    if (crc.getValue() != (be32(b, 29) & 0xFFFFFFFFL)) {
      throw corrupt("PNG IHDR checksum mismatch");
    }
    long width = be32(b, 16) & 0xFFFFFFFFL;
    long height = be32(b, 20) & 0xFFFFFFFFL;
    if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw corrupt("PNG declares an invalid size " + width + "×" + height);
    }
    // Walk chunk headers (not their data) to IEND: a cut-off upload fails here, cheaply.
    long pos = 8;
    while (pos + 8 <= b.length) {
      long length = be32(b, (int) pos) & 0xFFFFFFFFL;
      String type = FormatSniffer.ascii(b, (int) pos + 4, 4);
      long next = pos + 12 + length;
      if (next > b.length) {
        break;
      }
      if (type.equals("IEND")) {
        return new Size((int) width, (int) height);
      }
      pos = next;
    }
    throw truncated("PNG");
  }

  private static Size jpeg(byte[] b) {
    int pos = 2;
    Size size = null;
    while (true) {
      if (pos + 4 > b.length) {
        throw truncated("JPEG");
      }
      if ((b[pos] & 0xFF) != 0xFF) {
        throw corrupt("JPEG marker expected at offset " + pos);
      }
      int marker = b[pos + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte
        pos++;
        continue;
      }
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos += 2; // stand-alone markers
        continue;
      }
      if (marker < 0xC0) {
        throw corrupt("JPEG has an invalid marker 0x" + Integer.toHexString(marker));
      }
      if (marker == 0xD9) {
        throw corrupt("JPEG ends before any image data");
      }
      int length = be16(b, pos + 2);
      if (length < 2) {
        throw corrupt("JPEG segment with invalid length at offset " + pos);
      }
      if (pos + 2 + length > b.length) {
        throw truncated("JPEG");
      }
      boolean isSof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (isSof) {
        if (length < 8) {
          throw corrupt("JPEG frame header too short");
        }
        int height = be16(b, pos + 5);
        int width = be16(b, pos + 7);
        if (width == 0 || height == 0) {
          // Height 0 (defined later by DNL) is legal but practically unused; refuse it.
          throw corrupt("JPEG declares an invalid size " + width + "×" + height);
        }
        size = new Size(width, height);
      }
      if (marker == 0xDA) {
        if (size == null) {
          throw corrupt("JPEG scan starts before a frame header");
        }
        // In entropy-coded data 0xFF is always stuffed or a restart marker, so FFD9 only ends it.
        // Searched from the end, where a complete file has it, rather than through megabytes.
        for (int i = b.length - 2; i >= pos + 2 + length; i--) {
          if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
            return size;
          }
        }
        throw truncated("JPEG");
      }
      pos += 2 + length;
    }
  }

  private static Size webp(byte[] b) {
    if (b.length < 30) {
      throw truncated("WebP");
    }
    long riffSize = le32(b, 4) & 0xFFFFFFFFL;
    if (riffSize + 8 > b.length) {
      throw truncated("WebP");
    }
    String chunk = FormatSniffer.ascii(b, 12, 4);
    int d = 20; // chunk payload
    switch (chunk) {
      case "VP8X" -> {
        int width = 1 + (b[d + 4] & 0xFF | (b[d + 5] & 0xFF) << 8 | (b[d + 6] & 0xFF) << 16);
        int height = 1 + (b[d + 7] & 0xFF | (b[d + 8] & 0xFF) << 8 | (b[d + 9] & 0xFF) << 16);
        if ((b[d] & 0x02) != 0) {
          throw new ImageRejectedException(
              RejectionReason.UNSUPPORTED_FORMAT, "Animated WebP is not supported");
        }
        return new Size(width, height);
      }
      case "VP8 " -> {
        if ((b[d + 3] & 0xFF) != 0x9D || (b[d + 4] & 0xFF) != 0x01 || (b[d + 5] & 0xFF) != 0x2A) {
          throw corrupt("WebP VP8 frame tag missing");
        }
        return new Size(le16(b, d + 6) & 0x3FFF, le16(b, d + 8) & 0x3FFF);
      }
      case "VP8L" -> {
        if ((b[d] & 0xFF) != 0x2F) {
          throw corrupt("WebP VP8L signature missing");
        }
        long bits = le32(b, d + 1) & 0xFFFFFFFFL;
        return new Size((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
      }
      default -> throw corrupt("WebP with unknown first chunk '" + chunk + "'");
    }
  }

  private static int be16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
  }

  private static int be32(byte[] b, int i) {
    return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
  }

  private static int le16(byte[] b, int i) {
    return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8;
  }

  private static int le32(byte[] b, int i) {
    return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
  }

  private static ImageRejectedException truncated(String format) {
    return new ImageRejectedException(
        RejectionReason.TRUNCATED, format + " file is truncated (incomplete upload?)");
  }

  private static ImageRejectedException corrupt(String message) {
    return new ImageRejectedException(RejectionReason.CORRUPT_HEADER, message);
  }
}
