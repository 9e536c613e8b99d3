package dev.marquee.render.suggest;

/** An axis-aligned rectangle in (sub)pixels of the detector's working image. */
record Box(double x, double y, double width, double height) {

  double right() {
    return x + width;
  }

  double bottom() {
    return y + height;
  }

  double area() {
    return width * height;
  }

  double intersectionArea(Box other) {
    double w = Math.min(right(), other.right()) - Math.max(x, other.x);
    double h = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
    return w > 0 && h > 0 ? w * h : 0;
  }
}
