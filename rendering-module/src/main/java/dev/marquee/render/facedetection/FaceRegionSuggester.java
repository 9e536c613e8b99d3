package dev.marquee.render.facedetection;

import dev.marquee.render.suggest.FaceDetector;
import dev.marquee.render.suggest.RegionSuggester;
import dev.marquee.render.suggest.RegionSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The built-in {@link RegionSuggester} bean: faces from {@link FaceDetector}. Where OpenCV's native
 * libraries cannot load, it suggests nothing (the detector logs why, once) rather than failing the
 * upload it is asked about. The natives load on the first suggestion, not at deployment.
 */
@ApplicationScoped
public class FaceRegionSuggester implements RegionSuggester {

  @Override
  public List<RegionSuggestion> suggest(BufferedImage image) {
    return FaceDetector.shared().map(detector -> detector.suggest(image)).orElse(List.of());
  }

  /** Whether faces can be detected in this server (loads the natives on first call). */
  public boolean available() {
    return FaceDetector.isAvailable();
  }
}
