package dev.marquee.render.engine;

/** Where a framed region sits inside the crop window. */
public enum Placement {
  CENTER,
  /**
   * The region's centre on a third line: the upper one vertically, the nearer side horizontally.
   */
  RULE_OF_THIRDS
}
