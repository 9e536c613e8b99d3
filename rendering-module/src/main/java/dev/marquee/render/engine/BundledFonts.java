package dev.marquee.render.engine;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Fonts shipped inside the JAR, because headless servers often have none and output must not depend
 * on what the host has installed. Templates name one of the two DejaVu faces, which cover Latin,
 * Greek, Cyrillic, Armenian, Georgian, Hebrew and Arabic. For characters they lack, text falls back
 * per run ({@link GlyphRuns}) to Noto Sans Devanagari (regular or bold, as the template's face) and
 * then to Droid Sans Fallback (Chinese, Japanese, Korean; one weight, emboldened by the rasteriser
 * for the bold face). Licences are beside the files in {@code dev/marquee/render/fonts}.
 *
 * <p>Droid Sans Fallback (3.4 MB) is not in the JAR: it is read from {@value #CJK_FILE_DEFAULT}
 * (Debian's and Ubuntu's package {@code fonts-droid-fallback}, the same bytes on every machine) or
 * from the file named by the system property {@value #CJK_FILE_PROPERTY} or the environment
 * variable {@code MARQUEE_RENDER_CJK_FONT}. Without it, CJK characters show as boxes and the log
 * says why once.
 */
public final class BundledFonts {
  public static final String SANS = "DejaVu Sans";
  public static final String SANS_BOLD = "DejaVu Sans Bold";

  private static final String DEVANAGARI = "Noto Sans Devanagari";
  private static final String DEVANAGARI_BOLD = "Noto Sans Devanagari Bold";
  private static final String CJK = "Droid Sans Fallback";
  static final String CJK_FILE_PROPERTY = "marquee.render.cjk-font";
  static final String CJK_FILE_DEFAULT =
      "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf";
  private static final Logger LOG = Logger.getLogger(BundledFonts.class.getName());

  private static final Map<String, String> FILES =
      Map.of(SANS, "DejaVuSans.ttf", SANS_BOLD, "DejaVuSans-Bold.ttf");
  private static final Map<String, String> FALLBACK_FILES =
      Map.of(
          DEVANAGARI, "NotoSansDevanagari-Regular.ttf",
          DEVANAGARI_BOLD, "NotoSansDevanagari-Bold.ttf");
  private static final Map<String, Font> LOADED = new ConcurrentHashMap<>();
  // Optional.empty() once the CJK file was found missing: looked up once per process.
  private static volatile Optional<Font> cjk;

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
    String devanagari = bold ? DEVANAGARI_BOLD : DEVANAGARI;
    Font base = LOADED.computeIfAbsent(devanagari, n -> load(FALLBACK_FILES.get(n)));
    fonts.add(base.deriveFont(Font.PLAIN, primary.getSize2D()).deriveFont(layout));
    // Droid has one weight: asking for bold makes the rasteriser embolden it.
    cjk()
        .ifPresent(
            f ->
                fonts.add(
                    f.deriveFont(bold ? Font.BOLD : Font.PLAIN, primary.getSize2D())
                        .deriveFont(layout)));
    return fonts;
  }

  /** Whether the CJK fallback font was found (see the class comment). */
  public static boolean hasCjk() {
    return cjk().isPresent();
  }

  private static Optional<Font> cjk() {
    Optional<Font> font = cjk;
    if (font == null) {
      synchronized (BundledFonts.class) {
        if (cjk == null) {
          cjk = loadCjk();
        }
        font = cjk;
      }
    }
    return font;
  }

  private static Optional<Font> loadCjk() {
    String configured =
        System.getProperty(CJK_FILE_PROPERTY, System.getenv("MARQUEE_RENDER_CJK_FONT"));
    Path file = Path.of(configured == null || configured.isBlank() ? CJK_FILE_DEFAULT : configured);
    if (!Files.isReadable(file)) {
      LOG.warning(
          "No CJK font at "
              + file
              + ": Chinese, Japanese and Korean characters in titles render as boxes. Install"
              + " the package fonts-droid-fallback or set MARQUEE_RENDER_CJK_FONT to"
              + " DroidSansFallback.ttf.");
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(withTypography(Font.createFont(Font.TRUETYPE_FONT, in)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("the CJK font is unreadable: " + file, e);
    }
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
