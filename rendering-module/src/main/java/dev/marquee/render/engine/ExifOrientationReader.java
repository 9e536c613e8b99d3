package dev.marquee.render.engine;

/**
 * Finds the Orientation tag (0x0112) in a JPEG's APP1 Exif segment. Broken EXIF is common in the
 * wild, so any inconsistency yields {@link ExifOrientation#NORMAL} instead of failing the upload.
 */
final class ExifOrientationReader {
  private ExifOrientationReader() {}

  static ExifOrientation read(byte[] jpeg) {
    try {
      int pos = 2;
      while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
        int marker = jpeg[pos + 1] & 0xFF;
        if (marker == 0xDA || marker == 0xD9) {
          break; // EXIF lives before the image data
        }
        int length = (jpeg[pos + 2] & 0xFF) << 8 | jpeg[pos + 3] & 0xFF;
        if (marker == 0xE1
            && length >= 8
            && pos + 2 + length <= jpeg.length
            && FormatSniffer.ascii(jpeg, pos + 4, 6).equals("Exif\0\0")) {
          return fromTiff(jpeg, pos + 10, pos + 2 + length);
        }
        pos += 2 + length;
      }
    } catch (RuntimeException corrupt) {
      // Index errors from a lying segment length: ignore orientation, keep the image.
    }
    return ExifOrientation.NORMAL;
  }

  private static ExifOrientation fromTiff(byte[] b, int tiff, int end) {
    boolean little;
    if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
      little = true;
    } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
      little = false;
    } else {
      return ExifOrientation.NORMAL;
    }
    long ifd = tiff + u32(b, tiff + 4, little);
    if (ifd + 2 > end) {
      return ExifOrientation.NORMAL;
    }
    int entries = u16(b, (int) ifd, little);
    for (int i = 0; i < entries; i++) {
      int entry = (int) ifd + 2 + i * 12;
      if (entry + 12 > end) {
        break;
      }
      if (u16(b, entry, little) == 0x0112 && u16(b, entry + 2, little) == 3) {
        return ExifOrientation.fromTag(u16(b, entry + 8, little));
      }
    }
    return ExifOrientation.NORMAL;
  }

  private static int u16(byte[] b, int i, boolean little) {
    return little ? (b[i] & 0xFF | (b[i + 1] & 0xFF) << 8) : ((b[i] & 0xFF) << 8 | b[i + 1] & 0xFF);
  }

  private static long u32(byte[] b, int i, boolean little) {
    long v =
        little
            ? (b[i] & 0xFF
                | (b[i + 1] & 0xFF) << 8
                | (b[i + 2] & 0xFF) << 16
                | (long) (b[i + 3] & 0xFF) << 24)
            : ((long) (b[i] & 0xFF) << 24
                | (b[i + 1] & 0xFF) << 16
                | (b[i + 2] & 0xFF) << 8
                | b[i + 3] & 0xFF);
    return v;
  }
}
