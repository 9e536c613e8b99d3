package dev.marquee.render.engine;

import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Laid-out text: the lines after wrapping and ellipsis, where each baseline goes, and the box that
 * all glyphs (shadow included) stay within.
 */
public record TextBlock(Font font, List<Line> lines, int shadowOffset, Rectangle2D bounds) {

  /**
   * One line of text drawn with its left edge at {@code x} and its baseline at {@code baseline}.
   */
  public record Line(String text, float x, float baseline) {}
}
