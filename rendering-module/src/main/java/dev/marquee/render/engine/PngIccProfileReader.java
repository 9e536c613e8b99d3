package dev.marquee.render.engine;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Finds the embedded ICC profile (iCCP chunk) of a PNG. The JDK's PNG reader ignores it, so without
 * this an Adobe RGB or Display P3 PNG would render with shifted colours.
 */
final class PngIccProfileReader {
  /** Real profiles are tens of kilobytes; the bound keeps a deflate bomb harmless. */
  private static final int MAX_PROFILE_BYTES = 4 * 1024 * 1024;

  private PngIccProfileReader() {}

  /** The profile if present, readable and describing RGB; otherwise empty (treated as sRGB). */
  static Optional<ICC_Profile> read(byte[] png) {
    int pos = 8;
    while (pos + 8 <= png.length) {
      long length = be32(png, pos) & 0xFFFFFFFFL;
      String type = FormatSniffer.ascii(png, pos + 4, 4);
      if (type.equals("IDAT") || pos + 12 + length > png.length) {
        return Optional.empty(); // iCCP must precede the image data
      }
      if (type.equals("iCCP")) {
        return parse(png, pos + 8, (int) length);
      }
      pos += 12 + (int) length;
    }
    return Optional.empty();
  }

  private static Optional<ICC_Profile> parse(byte[] png, int start, int length) {
    int nameEnd = start;
    while (nameEnd < start + length && png[nameEnd] != 0) {
      nameEnd++;
    }
    int compressed = nameEnd + 2; // NUL separator, then the compression method byte
    if (compressed > start + length) {
      return Optional.empty();
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(png, compressed, start + length - compressed);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          return Optional.empty();
        }
        out.write(buffer, 0, n);
        if (out.size() > MAX_PROFILE_BYTES) {
          return Optional.empty();
        }
      }
      ICC_Profile profile = ICC_Profile.getInstance(out.toByteArray());
      return profile.getColorSpaceType() == ColorSpace.TYPE_RGB
          ? Optional.of(profile)
          : Optional.empty();
    } catch (DataFormatException | IllegalArgumentException broken) {
      // A broken profile is common enough in the wild; render as sRGB rather than refuse.
      return Optional.empty();
    } finally {
      inflater.end();
    }
  }

  private static int be32(byte[] b, int i) {
    return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | b[i + 3] & 0xFF;
  }
}
