package dev.marquee.render.source;

import dev.marquee.render.engine.ImageLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The source image limits from configuration (documented in docs/operations.md). */
@ApplicationScoped
public class ImageLimitsProducer {

  /**
   * Dependent: the limits are an immutable record (final, so not proxyable), read once per user.
   */
  @Produces
  ImageLimits limits(
      @ConfigProperty(name = "marquee.images.max-bytes", defaultValue = "52428800") long maxBytes,
      @ConfigProperty(name = "marquee.images.max-width", defaultValue = "12000") int maxWidth,
      @ConfigProperty(name = "marquee.images.max-height", defaultValue = "12000") int maxHeight,
      @ConfigProperty(name = "marquee.images.max-pixels", defaultValue = "100000000")
          long maxPixels) {
    return new ImageLimits(maxBytes, maxWidth, maxHeight, maxPixels);
  }
}
