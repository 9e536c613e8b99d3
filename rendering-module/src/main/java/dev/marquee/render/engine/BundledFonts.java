package dev.marquee.render.engine;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fonts shipped inside the JAR, because headless servers often have none and output must not depend
 * on what the host has installed. Templates name one of the two DejaVu faces, which cover Latin,
 * Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic. For characters they lack, text falls back
 * per run ({@link GlyphRuns}) to Noto Sans Devanagari (regular or bold, as the template's face) and
 * then to Droid Sans Fallback (Chinese, Japanese, Korean; one weight, emboldened by the rasteriser
 * for the bold face). Licences are beside the files in {@code dev/marquee/render/fonts}.
 */
public final class BundledFonts {
  public static final String SANS = "DejaVu Sans";
  public static final String SANS_BOLD = "DejaVu Sans Bold";

  private static final String DEVANAGARI = "Noto Sans Devanagari";
  private static final String DEVANAGARI_BOLD = "Noto Sans Devanagari Bold";
  private static final String CJK = "Droid Sans Fallback";

  private static final Map<String, String> FILES =
      Map.of(SANS, "DejaVuSans.ttf", SANS_BOLD, "DejaVuSans-Bold.ttf");
  private static final Map<String, String> FALLBACK_FILES =
      Map.of(
          DEVANAGARI, "NotoSansDevanagari-Regular.ttf",
          DEVANAGARI_BOLD, "NotoSansDevanagari-Bold.ttf",
          CJK, "DroidSansFallback.ttf");
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
    return LOADED.computeIfAbsent(name, n -> load(FILES.get(n))).deriveFont(size);
  }

  /**
   * The fonts to fall back to, in order, for characters {@code primary} (a bundled face) lacks: at
   * its size, weight and layout attributes (kerning, ligatures, run direction).
   */
  static List<Font> fallbacks(Font primary) {
    boolean bold = primary.isBold() || primary.getFontName().contains("Bold");
    Map<TextAttribute, Object> layout = new HashMap<>();
    for (TextAttribute key :
        List.of(TextAttribute.KERNING, TextAttribute.LIGATURES, TextAttribute.RUN_DIRECTION)) {
      Object value = primary.getAttributes().get(key);
      if (value != null) {
        layout.put(key, value);
      }
    }
    List<Font> fonts = new ArrayList<>(2);
    for (String name : List.of(bold ? DEVANAGARI_BOLD : DEVANAGARI, CJK)) {
      Font base = LOADED.computeIfAbsent(name, n -> load(FALLBACK_FILES.get(n)));
      // Droid has one weight: asking for bold makes the rasteriser embolden it.
      Font sized =
          base.deriveFont(name.equals(CJK) && bold ? Font.BOLD : Font.PLAIN, primary.getSize2D());
      fonts.add(sized.deriveFont(layout));
    }
    return fonts;
  }

  private static Font withTypography(Font font) {
    // Kerning and ligatures: what designers expect from title type; deterministic like the rest.
    return font.deriveFont(
        Map.of(
            TextAttribute.KERNING, TextAttribute.KERNING_ON,
            TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON));
  }

  private static Font load(String file) {
    String resource = "/dev/marquee/render/fonts/" + file;
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
