package dev.marquee.render.engine;

/**
 * Pure crop geometry: given the displayed image size, a target aspect ratio and a crop spec, the
 * source-pixel window to show. The window always lies inside the image and contains the (padded)
 * region whenever the aspect ratio and image size allow it.
 */
public final class CropCalculator {
  private CropCalculator() {}

  /**
   * Computes the crop window.
   *
   * @param imageWidth displayed (EXIF-oriented) width
   * @param imageHeight displayed height
   * @param aspect target width / height
   * @param spec the template's crop settings
   * @param region the tagged region, or {@code null}; REGION without one falls back to SMART
   * @param saliency needed for SMART (and the REGION fallback); may be null, then CENTER is used
   */
  public static PixelRect compute(
      int imageWidth,
      int imageHeight,
      double aspect,
      CropSpec spec,
      NormalizedRect region,
      SaliencyMap saliency) {
    if (imageWidth <= 0 || imageHeight <= 0 || !(aspect > 0) || Double.isInfinite(aspect)) {
      throw new IllegalArgumentException("image size and aspect ratio must be positive");
    }
    CropStrategy strategy = spec.strategy();
    if (strategy == CropStrategy.REGION && region == null) {
      strategy = CropStrategy.SMART;
    }
    if (strategy == CropStrategy.SMART && saliency == null) {
      strategy = CropStrategy.CENTER;
    }
    return switch (strategy) {
      case REGION -> region(imageWidth, imageHeight, aspect, spec, region);
      case FOCAL_POINT ->
          centredOn(
              imageWidth,
              imageHeight,
              widest(imageWidth, imageHeight, aspect),
              spec.focalX() * imageWidth,
              spec.focalY() * imageHeight);
      case SMART -> smart(imageWidth, imageHeight, aspect, saliency);
      case CENTER ->
          centredOn(
              imageWidth,
              imageHeight,
              widest(imageWidth, imageHeight, aspect),
              imageWidth / 2.0,
              imageHeight / 2.0);
    };
  }

  /** The largest window of the aspect ratio that fits the image, as width/height. */
  static int[] widest(int w, int h, double aspect) {
    if ((double) w / h > aspect) {
      return new int[] {clamp((int) Math.round(h * aspect), 1, w), h};
    }
    return new int[] {w, clamp((int) Math.round(w / aspect), 1, h)};
  }

  private static PixelRect region(int w, int h, double aspect, CropSpec spec, NormalizedRect r) {
    // Padded region in pixels, clipped to the image.
    double px1 = Math.max(0, (r.x() - r.width() * spec.padding()) * w);
    double py1 = Math.max(0, (r.y() - r.height() * spec.padding()) * h);
    double px2 = Math.min(w, (r.x() + r.width() * (1 + spec.padding())) * w);
    double py2 = Math.min(h, (r.y() + r.height() * (1 + spec.padding())) * h);
    int rx1 = (int) Math.floor(px1);
    int ry1 = (int) Math.floor(py1);
    int rx2 = (int) Math.ceil(px2);
    int ry2 = (int) Math.ceil(py2);
    int regionW = rx2 - rx1;
    int regionH = ry2 - ry1;

    int[] max = widest(w, h, aspect);
    // Tightest window of the aspect that holds the region.
    double minW = Math.max(regionW, regionH * aspect);
    double minH = minW / aspect;
    double scale = 1 - spec.zoom();
    double winW = minW + (max[0] - minW) * scale;
    double winH = minH + (max[1] - minH) * scale;
    if (winW > max[0] || winH > max[1]) {
      // The region is too large for this aspect: show as much of it as the image allows.
      winW = max[0];
      winH = max[1];
    }
    int ww = clamp((int) Math.round(winW), 1, w);
    int wh = clamp((int) Math.round(winH), 1, h);
    // Rounding must never cut the region when it fits.
    if (ww < regionW && regionW <= max[0]) {
      ww = regionW;
    }
    if (wh < regionH && regionH <= max[1]) {
      wh = regionH;
    }

    double cx = (px1 + px2) / 2;
    double cy = (py1 + py2) / 2;
    double x;
    double y;
    if (spec.placement() == Placement.RULE_OF_THIRDS) {
      // Eyes-on-the-upper-third for faces; horizontally the third nearer the region keeps the
      // window towards the middle of the image, where the rest of the scene usually is.
      x = cx - ww * (cx < w / 2.0 ? 1 / 3.0 : 2 / 3.0);
      y = cy - wh / 3.0;
    } else {
      x = cx - ww / 2.0;
      y = cy - wh / 2.0;
    }
    int ix = keepInside((int) Math.round(x), ww, rx1, rx2, w);
    int iy = keepInside((int) Math.round(y), wh, ry1, ry2, h);
    return new PixelRect(ix, iy, ww, wh);
  }

  /**
   * Moves a window start so the window covers [from, to) if it is wide enough, then keeps it inside
   * the image. Both constraints can always be met together when the window covers the span.
   */
  private static int keepInside(int start, int size, int from, int to, int imageSize) {
    if (size >= to - from) {
      start = clamp(start, to - size, from);
    }
    return clamp(start, 0, imageSize - size);
  }

  private static PixelRect centredOn(int w, int h, int[] size, double cx, double cy) {
    int x = clamp((int) Math.round(cx - size[0] / 2.0), 0, w - size[0]);
    int y = clamp((int) Math.round(cy - size[1] / 2.0), 0, h - size[1]);
    return new PixelRect(x, y, size[0], size[1]);
  }

  private static PixelRect smart(int w, int h, double aspect, SaliencyMap map) {
    int[] size = widest(w, h, aspect);
    int mw = map.width();
    int mh = map.height();
    // Window size in map cells; the widest window slides along one axis only.
    int cw = clamp((int) Math.round(size[0] * (double) mw / w), 1, mw);
    int ch = clamp((int) Math.round(size[1] * (double) mh / h), 1, mh);
    double[] cols = new double[mw + 1];
    double[] rows = new double[mh + 1];
    for (int y = 0; y < mh; y++) {
      for (int x = 0; x < mw; x++) {
        cols[x + 1] += map.value(x, y);
        rows[y + 1] += map.value(x, y);
      }
    }
    for (int i = 1; i <= mw; i++) {
      cols[i] += cols[i - 1];
    }
    for (int i = 1; i <= mh; i++) {
      rows[i] += rows[i - 1];
    }
    int bestX = best(cols, cw);
    int bestY = best(rows, ch);
    double cx = (bestX + cw / 2.0) * w / mw;
    double cy = (bestY + ch / 2.0) * h / mh;
    return centredOn(w, h, size, cx, cy);
  }

  /** Start of the window of the given length with the highest sum; ties go to the centre. */
  private static int best(double[] prefix, int length) {
    int n = prefix.length - 1;
    int bestStart = (n - length) / 2;
    double bestSum = prefix[bestStart + length] - prefix[bestStart];
    for (int s = 0; s + length <= n; s++) {
      double sum = prefix[s + length] - prefix[s];
      if (sum > bestSum * (1 + 1e-9)) {
        bestSum = sum;
        bestStart = s;
      }
    }
    return bestStart;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
