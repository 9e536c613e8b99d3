package dev.marquee.render.engine;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Word-wraps text into a pixel box: breaks at spaces (inside over-long words, or between the
 * characters of scripts written without spaces such as Chinese and Japanese, when it must), stops
 * at the line limit or the box height, and ends a cut text with an ellipsis. Measures the glyphs'
 * visual bounds, not just advances, so nothing drawn leaves the box.
 */
public final class TextBlockLayout {
  /** Antialiased, fractional metrics: the same context the painter draws with. */
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  private static final String ELLIPSIS = "…";

  private TextBlockLayout() {}

  /**
   * Lays out the text.
   *
   * @param box the pixel area the text must stay inside
   * @param anchor alignment of the block within the box
   * @param font the font at its pixel size
   * @param maxLines line limit
   * @param shadowOffset the shadow's offset right and down, reserved inside the box
   */
  public static TextBlock layout(
      String text, Rectangle2D box, Anchor anchor, Font font, int maxLines, int shadowOffset) {
    // One pixel of margin absorbs antialiasing bleed at the glyph edges.
    double width = box.getWidth() - shadowOffset - 2;
    double height = box.getHeight() - shadowOffset - 2;
    String normalized = text.strip().replaceAll("\\s+", " ");
    // Line height from every font the text will use: a fallback (CJK, Devanagari) may reach higher
    // or lower than the template's font.
    LineMetrics metrics = font.getLineMetrics("Ág", FRC);
    double ascent = metrics.getAscent();
    double descent = metrics.getDescent();
    double leading = metrics.getLeading();
    if (!normalized.isEmpty() && font.canDisplayUpTo(normalized) != -1) {
      TextLayout all = GlyphRuns.layout(normalized, font, FRC);
      ascent = Math.max(ascent, all.getAscent());
      descent = Math.max(descent, all.getDescent());
      leading = Math.max(leading, all.getLeading());
    }
    double lineHeight = ascent + descent + leading;
    double glyphHeight = ascent + descent;
    if (width <= 0 || height < glyphHeight) {
      return new TextBlock(font, List.of(), shadowOffset, emptyAt(box));
    }
    int lineLimit =
        Math.max(1, Math.min(maxLines, (int) ((height - glyphHeight) / lineHeight) + 1));
    // One base direction for the whole block, from its first strong character: otherwise a wrapped
    // line that happens to start with Arabic would flip its ellipsis to the other side.
    boolean leftToRight =
        new Bidi(normalized, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT).baseIsLeftToRight();
    font =
        font.deriveFont(
            Map.of(
                TextAttribute.RUN_DIRECTION,
                leftToRight ? TextAttribute.RUN_DIRECTION_LTR : TextAttribute.RUN_DIRECTION_RTL));
    List<String> lines = wrap(normalized, font, width, lineLimit);
    if (lines.isEmpty()) {
      return new TextBlock(font, List.of(), shadowOffset, emptyAt(box));
    }
    double blockHeight = (lines.size() - 1) * lineHeight + glyphHeight;
    double top = box.getY() + 1 + (height - blockHeight) * anchor.fy();
    List<TextBlock.Line> placed = new ArrayList<>();
    Rectangle2D bounds = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      double[] extent = horizontalExtent(line, font);
      double lineWidth = extent[1] - extent[0];
      double left = box.getX() + 1 + (width - lineWidth) * anchor.fx();
      float x = (float) (left - extent[0]);
      double lineTop = top + i * lineHeight;
      float baseline = (float) (lineTop + ascent);
      Rectangle2D lineBounds =
          new Rectangle2D.Double(
              left, lineTop, lineWidth + shadowOffset, glyphHeight + shadowOffset);
      bounds = bounds == null ? lineBounds : bounds.createUnion(lineBounds);
      placed.add(new TextBlock.Line(line, x, baseline));
    }
    return new TextBlock(font, List.copyOf(placed), shadowOffset, bounds);
  }

  private static Rectangle2D emptyAt(Rectangle2D box) {
    return new Rectangle2D.Double(box.getX(), box.getY(), 0, 0);
  }

  private static List<String> wrap(String text, Font font, double width, int lineLimit) {
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      return lines;
    }
    String[] words = text.split(" ");
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < words.length) {
      String word = words[i];
      String candidate = current.isEmpty() ? word : current + " " + word;
      if (fits(candidate, font, width)) {
        current.setLength(0);
        current.append(candidate);
        i++;
        continue;
      }
      if (current.isEmpty()) {
        // A single word wider than the box: break it where it stops fitting.
        int cut = longestFittingPrefix(word, font, width);
        if (cut == 0) {
          // Not even one character fits this box: draw nothing rather than overflow.
          return lines.isEmpty() ? lines : ellipsise(lines, font, width);
        }
        lines.add(word.substring(0, cut));
        words[i] = word.substring(cut);
      } else {
        lines.add(current.toString());
        current.setLength(0);
      }
      if (lines.size() == lineLimit) {
        return ellipsise(lines, font, width);
      }
    }
    lines.add(current.toString());
    return lines;
  }

  /** The text did not fit: end the last line with an ellipsis that fits too. */
  private static List<String> ellipsise(List<String> lines, Font font, double width) {
    String last = lines.get(lines.size() - 1);
    while (!last.isEmpty() && !fits(last + ELLIPSIS, font, width)) {
      last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
    }
    last = last.stripTrailing();
    lines.set(lines.size() - 1, fits(last + ELLIPSIS, font, width) ? last + ELLIPSIS : last);
    return lines;
  }

  private static int longestFittingPrefix(String word, Font font, double width) {
    int cut = 0;
    int next = 0;
    while (next < word.length()) {
      next = word.offsetByCodePoints(next, 1);
      if (!fits(word.substring(0, next), font, width)) {
        break;
      }
      cut = next;
    }
    return cut;
  }

  private static boolean fits(String s, Font font, double width) {
    double[] extent = horizontalExtent(s, font);
    return extent[1] - extent[0] <= width;
  }

  /** Leftmost and rightmost x a string touches: its advance, widened by overhanging glyphs. */
  static double[] horizontalExtent(String s, Font font) {
    if (s.isEmpty()) {
      return new double[] {0, 0};
    }
    // TextLayout applies bidi, shaping (Arabic joining, Devanagari conjuncts) and font fallback
    // like the drawing does.
    TextLayout layout = GlyphRuns.layout(s, font, FRC);
    Rectangle2D visual = layout.getBounds();
    double advance = layout.getAdvance();
    return new double[] {Math.min(0, visual.getMinX()), Math.max(advance, visual.getMaxX())};
  }
}
