package dev.marquee.render.job;

import dev.marquee.render.engine.NormalizedRect;
import java.util.List;
import java.util.UUID;

/**
 * The tagged regions on a source image, which render jobs frame REGION crops on. Implemented by the
 * region feature ({@code dev.marquee.render.region}); until that is part of the build, {@link
 * NoTaggedRegions} reports none and jobs render only untagged variants.
 */
public interface TaggedRegions {

  /** A region and the engagement tag it shows. */
  record TaggedRegion(UUID tagId, NormalizedRect rect) {}

  List<TaggedRegion> on(UUID sourceImageId);
}
