package dev.marquee.render.engine;

/**
 * The crop part of a template.
 *
 * @param strategy how the window is chosen
 * @param padding extra space around the region on each side, as a fraction of the region's size
 * @param zoom 0 = the widest window the image allows, 1 = the tightest window around the padded
 *     region; only for {@link CropStrategy#REGION}
 * @param placement where the region sits in the window; only for {@link CropStrategy#REGION}
 * @param focalX focal point x (0..1); only for {@link CropStrategy#FOCAL_POINT}
 * @param focalY focal point y (0..1); only for {@link CropStrategy#FOCAL_POINT}
 */
public record CropSpec(
    CropStrategy strategy,
    double padding,
    double zoom,
    Placement placement,
    double focalX,
    double focalY) {

  public CropSpec {
    if (strategy == null || placement == null) {
      throw new InvalidRenderSpecException("crop strategy and placement are required");
    }
    if (!(padding >= 0 && padding <= 10)) {
      throw new InvalidRenderSpecException("crop padding must be between 0 and 10, was " + padding);
    }
    if (!(zoom >= 0 && zoom <= 1)) {
      throw new InvalidRenderSpecException("crop zoom must be between 0 and 1, was " + zoom);
    }
    if (!(focalX >= 0 && focalX <= 1 && focalY >= 0 && focalY <= 1)) {
      throw new InvalidRenderSpecException("focal point must lie inside 0..1");
    }
  }

  public static CropSpec region(double padding, double zoom, Placement placement) {
    return new CropSpec(CropStrategy.REGION, padding, zoom, placement, 0.5, 0.5);
  }

  public static CropSpec focalPoint(double x, double y) {
    return new CropSpec(CropStrategy.FOCAL_POINT, 0, 0, Placement.CENTER, x, y);
  }

  public static CropSpec smart() {
    return new CropSpec(CropStrategy.SMART, 0, 0, Placement.CENTER, 0.5, 0.5);
  }

  public static CropSpec center() {
    return new CropSpec(CropStrategy.CENTER, 0, 0, Placement.CENTER, 0.5, 0.5);
  }
}
