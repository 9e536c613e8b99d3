package dev.marquee.render.engine;

/** How a template chooses the part of the source image each output shows. */
public enum CropStrategy {
  /** Frame the tagged region (e.g. a face), with padding, zoom and placement. */
  REGION,
  /** The widest window of the target aspect centred as near as possible on a focal point. */
  FOCAL_POINT,
  /** The widest window of the target aspect with the most edge energy and colour. */
  SMART,
  /** The widest window of the target aspect, centred. */
  CENTER
}
