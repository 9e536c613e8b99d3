package dev.marquee.delivery.access.web;

/** Which request paths (relative to {@code /api/v1}) belong to the delivery API. */
final class DeliveryPaths {
  private DeliveryPaths() {}

  /** {@code delivery} and everything under {@code delivery/}, not {@code delivery-apps}. */
  static boolean isDelivery(String path) {
    if (path == null) {
      return false;
    }
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.equals("delivery") || p.startsWith("delivery/");
  }
}
