package dev.marquee.render.engine;

/**
 * A rectangle in coordinates relative to an image (0..1 on both axes), so it survives resizing and
 * applies to the image as displayed (after EXIF orientation).
 */
public record NormalizedRect(double x, double y, double width, double height) {
  private static final double EPSILON = 1e-9;

  public NormalizedRect {
    if (!(x >= 0 && y >= 0 && width > 0 && height > 0)
        || x + width > 1 + EPSILON
        || y + height > 1 + EPSILON) {
      throw new IllegalArgumentException(
          "normalised rectangle must lie inside 0..1 with a positive size: "
              + x
              + ","
              + y
              + " "
              + width
              + "×"
              + height);
    }
  }

  /** The rectangle spanning the given corners. */
  public static NormalizedRect ofCorners(double x1, double y1, double x2, double y2) {
    return new NormalizedRect(x1, y1, x2 - x1, y2 - y1);
  }

  public static NormalizedRect full() {
    return new NormalizedRect(0, 0, 1, 1);
  }

  public double centerX() {
    return x + width / 2;
  }

  public double centerY() {
    return y + height / 2;
  }
}
