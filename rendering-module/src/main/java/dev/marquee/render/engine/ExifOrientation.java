package dev.marquee.render.engine;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** The eight EXIF orientations and the transform from stored pixels to the displayed image. */
public enum ExifOrientation {
  NORMAL(1),
  FLIP_HORIZONTAL(2),
  ROTATE_180(3),
  FLIP_VERTICAL(4),
  TRANSPOSE(5),
  ROTATE_90_CW(6),
  TRANSVERSE(7),
  ROTATE_90_CCW(8);

  private final int tagValue;

  ExifOrientation(int tagValue) {
    this.tagValue = tagValue;
  }

  /** The orientation for an EXIF tag value; anything outside 1..8 is treated as normal. */
  public static ExifOrientation fromTag(int value) {
    for (ExifOrientation o : values()) {
      if (o.tagValue == value) {
        return o;
      }
    }
    return NORMAL;
  }

  /** Whether width and height trade places when displayed. */
  public boolean swapsAxes() {
    return tagValue >= 5;
  }

  /** Maps stored coordinates of a {@code w}×{@code h} image to displayed coordinates. */
  AffineTransform storedToDisplayed(int w, int h) {
    return switch (this) {
      case NORMAL -> new AffineTransform();
      case FLIP_HORIZONTAL -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case FLIP_VERTICAL -> new AffineTransform(1, 0, 0, -1, 0, h);
      case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case ROTATE_90_CW -> new AffineTransform(0, 1, -1, 0, h, 0);
      case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w);
      case ROTATE_90_CCW -> new AffineTransform(0, -1, 1, 0, 0, w);
    };
  }

  /** The stored-pixel rectangle that shows as {@code displayed} in a stored w×h image. */
  PixelRect toStored(PixelRect displayed, int storedWidth, int storedHeight) {
    try {
      AffineTransform inverse = storedToDisplayed(storedWidth, storedHeight).createInverse();
      Rectangle2D r =
          inverse
              .createTransformedShape(
                  new Rectangle2D.Double(
                      displayed.x(), displayed.y(), displayed.width(), displayed.height()))
              .getBounds2D();
      int x = (int) Math.round(r.getX());
      int y = (int) Math.round(r.getY());
      return new PixelRect(x, y, (int) Math.round(r.getWidth()), (int) Math.round(r.getHeight()));
    } catch (NoninvertibleTransformException e) {
      throw new IllegalStateException(e); // all eight transforms are invertible
    }
  }

  /** The image as displayed; returns the same image when nothing is to be done. */
  BufferedImage apply(BufferedImage stored) {
    if (this == NORMAL) {
      return stored;
    }
    int w = stored.getWidth();
    int h = stored.getHeight();
    BufferedImage out =
        new BufferedImage(swapsAxes() ? h : w, swapsAxes() ? w : h, stored.getType());
    Graphics2D g = out.createGraphics();
    try {
      // Quarter turns and flips map pixels one to one: no interpolation wanted.
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(stored, storedToDisplayed(w, h), null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
