package dev.marquee.render.suggest;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Extension point that proposes tagged regions for a freshly uploaded source image (the built-in
 * implementation detects faces; a host may add one backed by an external vision service).
 * Implementations are discovered as CDI beans; this interface itself stays free of Jakarta types so
 * detectors can be unit-tested and benchmarked without a container.
 */
public interface RegionSuggester {

  /**
   * Proposes regions on an image that is already upright (EXIF orientation applied) and in sRGB.
   * The caller may pass a downscaled copy; rectangles are normalised, so they apply to the
   * original.
   *
   * @return suggestions, best first; empty when nothing was found
   */
  List<RegionSuggestion> suggest(BufferedImage image);
}
