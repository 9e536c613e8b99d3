package dev.marquee.render.job;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * {@link TaggedRegions} while tagged regions do not exist in this build: no image has one. Replaced
 * by the region feature's implementation when it is merged.
 */
@ApplicationScoped
public class NoTaggedRegions implements TaggedRegions {
  @Override
  public List<TaggedRegion> on(UUID sourceImageId) {
    return List.of();
  }
}
