package dev.marquee.render.template;

import java.awt.Color;
import java.util.regex.Pattern;

/** Template colours: {@code #RRGGBB} or {@code #RRGGBBAA} (alpha last, as in CSS). */
final class Colors {
  private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})");

  private Colors() {}

  static boolean isValid(String text, boolean alphaAllowed) {
    return text != null && HEX.matcher(text).matches() && (alphaAllowed || text.length() == 7);
  }

  static Color parse(String text) {
    int r = Integer.parseInt(text.substring(1, 3), 16);
    int g = Integer.parseInt(text.substring(3, 5), 16);
    int b = Integer.parseInt(text.substring(5, 7), 16);
    int a = text.length() == 9 ? Integer.parseInt(text.substring(7, 9), 16) : 255;
    return new Color(r, g, b, a);
  }
}
