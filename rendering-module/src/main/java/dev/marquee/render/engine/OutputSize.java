package dev.marquee.render.engine;

/**
 * One rendition size in pixels; bounded so a template cannot ask for a memory-exhausting canvas.
 */
public record OutputSize(int width, int height) {
  public static final int MAX_SIDE = 8192;
  public static final long MAX_PIXELS = 40_000_000L;

  public OutputSize {
    if (width <= 0 || height <= 0) {
      throw new InvalidRenderSpecException(
          "output size must be positive, was " + width + "×" + height);
    }
    if (width > MAX_SIDE || height > MAX_SIDE) {
      throw new InvalidRenderSpecException(
          "output size " + width + "×" + height + " exceeds " + MAX_SIDE + " px per side");
    }
    if ((long) width * height > MAX_PIXELS) {
      throw new InvalidRenderSpecException(
          "output size " + width + "×" + height + " exceeds " + MAX_PIXELS / 1_000_000 + " Mpx");
    }
  }

  public double aspect() {
    return width / (double) height;
  }
}
