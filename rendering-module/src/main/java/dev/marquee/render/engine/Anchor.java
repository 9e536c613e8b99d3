package dev.marquee.render.engine;

/** Where an overlay sits inside its box or the safe area. */
public enum Anchor {
  TOP_LEFT(0, 0),
  TOP_CENTER(0.5, 0),
  TOP_RIGHT(1, 0),
  CENTER_LEFT(0, 0.5),
  CENTER(0.5, 0.5),
  CENTER_RIGHT(1, 0.5),
  BOTTOM_LEFT(0, 1),
  BOTTOM_CENTER(0.5, 1),
  BOTTOM_RIGHT(1, 1);

  private final double fx;
  private final double fy;

  Anchor(double fx, double fy) {
    this.fx = fx;
    this.fy = fy;
  }

  /** Horizontal position of the anchor, 0 = left, 1 = right. */
  public double fx() {
    return fx;
  }

  /** Vertical position of the anchor, 0 = top, 1 = bottom. */
  public double fy() {
    return fy;
  }
}
