package dev.marquee.render.delivery;

import dev.marquee.render.engine.ImageFormat;
import dev.marquee.render.store.AssetKey;
import java.util.Optional;

/** The last segment of an asset URL, {@code <sha256>.<ext>}, validated before anything is read. */
record AssetName(AssetKey key, ImageFormat format) {

  /**
   * @param pathInfo the path below {@code /assets}, e.g. {@code /9f86….jpg}
   * @return empty for anything but exactly one well-formed name
   */
  static Optional<AssetName> parse(String pathInfo) {
    if (pathInfo == null || !pathInfo.startsWith("/")) {
      return Optional.empty();
    }
    String name = pathInfo.substring(1);
    int dot = name.indexOf('.');
    if (dot < 0 || name.indexOf('.', dot + 1) >= 0) {
      return Optional.empty();
    }
    String hash = name.substring(0, dot);
    if (!AssetKey.isValid(hash)) {
      return Optional.empty();
    }
    return ImageFormat.ofExtension(name.substring(dot + 1))
        .map(format -> new AssetName(new AssetKey(hash), format));
  }
}
