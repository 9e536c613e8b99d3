package dev.marquee.it;

import dev.marquee.render.suggest.RegionSuggester;
import dev.marquee.render.suggest.RegionSuggestion;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A {@link RegionSuggester} that always fails, as a broken third-party detector would: uploads must
 * succeed regardless, with the other detectors' suggestions.
 */
@ApplicationScoped
public class FailingSuggester implements RegionSuggester {
  @Override
  public List<RegionSuggestion> suggest(BufferedImage image) {
    throw new IllegalStateException("detector crashed (on purpose, in a test)");
  }
}
