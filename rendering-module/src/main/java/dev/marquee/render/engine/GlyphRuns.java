package dev.marquee.render.engine;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

/**
 * Font fallback per run of characters: each character is set in the template's font when it has the
 * glyph, otherwise in the first bundled fallback that has it ({@link BundledFonts#fallbacks}).
 * Combining marks, joiners and spaces stay in the font of the character before them, so a
 * Devanagari vowel sign or an Arabic vowel mark is shaped with its letter. The result is one {@link
 * TextLayout}, measured and drawn the same way, with bidi and shaping across the runs.
 */
final class GlyphRuns {
  private GlyphRuns() {}

  /** The text laid out with fallback fonts where {@code primary} lacks glyphs. */
  static TextLayout layout(String text, Font primary, FontRenderContext frc) {
    return new TextLayout(styled(text, primary).getIterator(), frc);
  }

  /** The text with a {@link TextAttribute#FONT} on every run. */
  static AttributedString styled(String text, Font primary) {
    AttributedString styled = new AttributedString(text);
    Object direction = primary.getAttributes().get(TextAttribute.RUN_DIRECTION);
    if (direction != null) {
      styled.addAttribute(TextAttribute.RUN_DIRECTION, direction);
    }
    if (primary.canDisplayUpTo(text) == -1) {
      styled.addAttribute(TextAttribute.FONT, primary);
      return styled;
    }
    List<Font> fonts = new ArrayList<>();
    fonts.add(primary);
    fonts.addAll(BundledFonts.fallbacks(primary));
    int runStart = 0;
    Font current = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      Font chosen = current != null && staysInRun(cp) ? current : firstWithGlyph(fonts, cp);
      if (chosen != current) {
        if (current != null) {
          styled.addAttribute(TextAttribute.FONT, current, runStart, i);
        }
        current = chosen;
        runStart = i;
      }
      i += Character.charCount(cp);
    }
    if (current != null) {
      styled.addAttribute(TextAttribute.FONT, current, runStart, text.length());
    }
    return styled;
  }

  private static boolean staysInRun(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.FORMAT
        || Character.isWhitespace(cp)
        || (cp >= 0xFE00 && cp <= 0xFE0F); // variation selectors
  }

  private static Font firstWithGlyph(List<Font> fonts, int cp) {
    for (Font font : fonts) {
      if (font.canDisplay(cp)) {
        return font;
      }
    }
    return fonts.get(0); // nothing has it: the template's font draws its missing-glyph box
  }
}
