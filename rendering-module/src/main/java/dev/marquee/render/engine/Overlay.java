package dev.marquee.render.engine;

import java.awt.Color;

/**
 * Something drawn over the cropped image. Positions and sizes are fractions of the output so one
 * template works for every output size; text and logos stay inside the template's safe area.
 */
public sealed interface Overlay {

  /**
   * A vertical gradient that darkens one edge so text stays readable.
   *
   * @param fromTop true to darken the top edge, false for the bottom
   * @param extent fraction of the output height covered
   * @param color colour at the edge; it fades to fully transparent
   */
  record Scrim(boolean fromTop, double extent, Color color) implements Overlay {
    public Scrim {
      if (!(extent > 0 && extent <= 1) || color == null) {
        throw new InvalidRenderSpecException("scrim extent must be in (0, 1] and colour set");
      }
    }
  }

  /**
   * Text from the render request, word-wrapped inside a box of the safe area and ellipsised when it
   * does not fit.
   *
   * @param textKey which request text to draw, e.g. {@code title}
   * @param box where the text may go, relative to the safe area
   * @param anchor how the text block aligns inside the box
   * @param fontName a bundled font, see {@link BundledFonts#names()}
   * @param sizeFraction font size as a fraction of the output height
   * @param color text colour
   * @param shadow shadow colour, or {@code null} for none
   * @param maxLines the most lines to use before ellipsising
   */
  record Text(
      String textKey,
      NormalizedRect box,
      Anchor anchor,
      String fontName,
      double sizeFraction,
      Color color,
      Color shadow,
      int maxLines)
      implements Overlay {
    public Text {
      if (textKey == null || box == null || anchor == null || color == null) {
        throw new InvalidRenderSpecException("text overlay needs a text key, box, anchor, colour");
      }
      BundledFonts.requireKnown(fontName);
      if (!(sizeFraction > 0 && sizeFraction <= 1)) {
        throw new InvalidRenderSpecException(
            "font size must be in (0, 1] of the output height, was " + sizeFraction);
      }
      if (maxLines < 1 || maxLines > 20) {
        throw new InvalidRenderSpecException("maxLines must be 1..20, was " + maxLines);
      }
    }
  }

  /**
   * A PNG logo (alpha respected), scaled to a fraction of the output width.
   *
   * @param png the logo file
   * @param anchor corner or edge of the safe area it is placed against
   * @param widthFraction logo width as a fraction of the safe area's width
   */
  record Logo(byte[] png, Anchor anchor, double widthFraction) implements Overlay {
    public Logo {
      if (png == null || png.length == 0 || anchor == null) {
        throw new InvalidRenderSpecException("logo needs PNG bytes and an anchor");
      }
      if (!(widthFraction > 0 && widthFraction <= 1)) {
        throw new InvalidRenderSpecException("logo width must be in (0, 1], was " + widthFraction);
      }
    }
  }

  /**
   * A short label on a rounded rectangle, e.g. "NEW EPISODE".
   *
   * @param label the text (not looked up in the request texts)
   * @param anchor corner or edge of the safe area
   * @param fontName a bundled font
   * @param sizeFraction font size as a fraction of the output height
   * @param textColor label colour
   * @param fill rectangle colour
   */
  record Badge(
      String label,
      Anchor anchor,
      String fontName,
      double sizeFraction,
      Color textColor,
      Color fill)
      implements Overlay {
    public Badge {
      if (label == null || label.isBlank() || anchor == null || textColor == null || fill == null) {
        throw new InvalidRenderSpecException("badge needs a label, anchor and colours");
      }
      BundledFonts.requireKnown(fontName);
      if (!(sizeFraction > 0 && sizeFraction <= 0.5)) {
        throw new InvalidRenderSpecException(
            "badge font size must be in (0, 0.5] of the output height, was " + sizeFraction);
      }
    }
  }
}
