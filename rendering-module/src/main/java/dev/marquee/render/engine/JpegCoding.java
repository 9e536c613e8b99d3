package dev.marquee.render.engine;

import java.io.ByteArrayOutputStream;

/**
 * What a JPEG's markers say about how its pixels are coded, read without decoding: the frame type,
 * sample precision and component count, the Adobe colour transform and the embedded ICC profile.
 * Enough to decide whether libjpeg-turbo's fast path gives the same colours ImageIO would.
 *
 * @param frameMarker the SOFn marker (0xC0 baseline, 0xC1 extended, 0xC2 progressive, ...)
 * @param precision bits per sample
 * @param components 1 (grey), 3 (YCbCr or RGB) or 4 (CMYK/YCCK)
 * @param adobeTransform the APP14 Adobe transform flag, or -1 when there is no Adobe segment
 * @param iccProfile the reassembled APP2 ICC profile, or {@code null} when there is none
 * @param iccIntact false when ICC chunks are present but missing, repeated or inconsistent
 */
record JpegCoding(
    int frameMarker,
    int precision,
    int components,
    int adobeTransform,
    byte[] iccProfile,
    boolean iccIntact) {
  private static final byte[] ICC_SIGNATURE =
      "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Huffman-coded baseline, extended or progressive, 8 bits: what libjpeg-turbo decodes. */
  boolean huffman8Bit() {
    return (frameMarker == 0xC0 || frameMarker == 0xC1 || frameMarker == 0xC2) && precision == 8;
  }

  /**
   * Reads the markers before the first scan.
   *
   * @return the coding, or {@code null} when the markers are not well formed (the caller then
   *     leaves the file to the lenient decoder)
   */
  static JpegCoding read(byte[] b) {
    try {
      int pos = 2;
      int frame = -1;
      int precision = 0;
      int components = 0;
      int adobe = -1;
      byte[][] chunks = null;
      boolean intact = true;
      while (pos + 4 <= b.length) {
        if ((b[pos] & 0xFF) != 0xFF) {
          return null;
        }
        int marker = b[pos + 1] & 0xFF;
        if (marker == 0xFF) {
          pos++;
          continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
          pos += 2;
          continue;
        }
        if (marker == 0xDA || marker == 0xD9) {
          break;
        }
        int length = (b[pos + 2] & 0xFF) << 8 | b[pos + 3] & 0xFF;
        int data = pos + 4;
        int end = pos + 2 + length;
        if (length < 2 || end > b.length) {
          return null;
        }
        boolean sof =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && frame < 0 && length >= 8) {
          frame = marker;
          precision = b[data] & 0xFF;
          components = b[data + 5] & 0xFF;
        } else if (marker == 0xEE
            && length >= 14
            && FormatSniffer.ascii(b, data, 5).equals("Adobe")) {
          adobe = b[data + 11] & 0xFF;
        } else if (marker == 0xE2 && length >= 16 && startsWith(b, data, ICC_SIGNATURE)) {
          int seq = b[data + 12] & 0xFF;
          int count = b[data + 13] & 0xFF;
          if (chunks == null && count > 0) {
            chunks = new byte[count][];
          }
          if (chunks == null
              || count != chunks.length
              || seq < 1
              || seq > count
              || chunks[seq - 1] != null) {
            intact = false;
          } else {
            chunks[seq - 1] = java.util.Arrays.copyOfRange(b, data + 14, end);
          }
        }
        pos = end;
      }
      if (frame < 0) {
        return null;
      }
      byte[] icc = null;
      if (chunks != null) {
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
          if (chunk == null) {
            intact = false;
            break;
          }
          profile.writeBytes(chunk);
        }
        icc = profile.toByteArray();
      }
      return new JpegCoding(frame, precision, components, adobe, icc, intact);
    } catch (RuntimeException malformed) {
      return null;
    }
  }

  private static boolean startsWith(byte[] b, int at, byte[] prefix) {
    if (at + prefix.length > b.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
