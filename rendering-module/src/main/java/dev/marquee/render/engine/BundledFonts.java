package dev.marquee.render.engine;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fonts shipped inside the JAR, because headless servers often have none and output must not depend
 * on what the host has installed. DejaVu Sans covers Latin, Greek, Cyrillic, Armenian, Georgian,
 * Hebrew and basic Arabic; it has no CJK glyphs.
 */
public final class BundledFonts {
  public static final String SANS = "DejaVu Sans";
  public static final String SANS_BOLD = "DejaVu Sans Bold";

  private static final Map<String, String> FILES =
      Map.of(SANS, "DejaVuSans.ttf", SANS_BOLD, "DejaVuSans-Bold.ttf");
  private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();

  private BundledFonts() {}

  public static Set<String> names() {
    return FILES.keySet();
  }

  static void requireKnown(String name) {
    if (name == null || !FILES.containsKey(name)) {
      throw new InvalidRenderSpecException(
          "unknown font '" + name + "'; bundled fonts are " + names());
    }
  }

  /** The font at the given pixel size. */
  public static Font font(String name, float size) {
    requireKnown(name);
    return LOADED.computeIfAbsent(name, BundledFonts::load).deriveFont(size);
  }

  private static Font withTypography(Font font) {
    // Kerning and ligatures: what designers expect from title type; deterministic like the rest.
    return font.deriveFont(
        Map.of(
            TextAttribute.KERNING, TextAttribute.KERNING_ON,
            TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON));
  }

  private static Font load(String name) {
    String resource = "/dev/marquee/render/fonts/" + FILES.get(name);
    try (InputStream in = BundledFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("font resource missing: " + resource);
      }
      return withTypography(Font.createFont(Font.TRUETYPE_FONT, in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("bundled font is unreadable: " + resource, e);
    }
  }
}
