package dev.marquee.render.engine;

/** A rectangle in whole pixels of a particular image. */
public record PixelRect(int x, int y, int width, int height) {

  public PixelRect {
    if (x < 0 || y < 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "invalid pixel rectangle " + x + "," + y + " " + width + "×" + height);
    }
  }

  public int right() {
    return x + width;
  }

  public int bottom() {
    return y + height;
  }

  public boolean contains(PixelRect other) {
    return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
  }

  public PixelRect union(PixelRect other) {
    int nx = Math.min(x, other.x);
    int ny = Math.min(y, other.y);
    return new PixelRect(
        nx, ny, Math.max(right(), other.right()) - nx, Math.max(bottom(), other.bottom()) - ny);
  }

  /** The pixels of an image covered by a normalised rectangle, rounded outwards. */
  public static PixelRect covering(NormalizedRect r, int imageWidth, int imageHeight) {
    int x1 = (int) Math.floor(r.x() * imageWidth);
    int y1 = (int) Math.floor(r.y() * imageHeight);
    int x2 = Math.min(imageWidth, (int) Math.ceil((r.x() + r.width()) * imageWidth));
    int y2 = Math.min(imageHeight, (int) Math.ceil((r.y() + r.height()) * imageHeight));
    return new PixelRect(x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1));
  }
}
