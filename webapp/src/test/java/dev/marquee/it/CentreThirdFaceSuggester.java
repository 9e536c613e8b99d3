package dev.marquee.it;

import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.suggest.RegionSuggester;
import dev.marquee.render.suggest.RegionSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A deterministic {@link RegionSuggester} for integration tests: proposes the centre third of every
 * image as a FACE with confidence 0.9, so accepting and rejecting suggestions can be tested end to
 * end whatever detector the build ships. Deployed only by {@link MarqueeDeployment#withSuggesters}.
 */
@ApplicationScoped
public class CentreThirdFaceSuggester implements RegionSuggester {
  static final NormalizedRect CENTRE_THIRD = new NormalizedRect(1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0);

  @Override
  public List<RegionSuggestion> suggest(BufferedImage image) {
    if (image.getWidth() < 1 || image.getHeight() < 1) {
      return List.of();
    }
    return List.of(new RegionSuggestion("FACE", CENTRE_THIRD, 0.9));
  }
}
