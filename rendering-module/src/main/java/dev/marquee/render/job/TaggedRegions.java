package dev.marquee.render.job;

import dev.marquee.render.engine.NormalizedRect;
import java.util.List;
import java.util.UUID;

/**
 * The tagged regions on a source image, which render jobs frame REGION crops on ({@link
 * StoredTaggedRegions} reads them from the region feature, {@code dev.marquee.render.region}).
 */
public interface TaggedRegions {

  /** A region and the engagement tag it shows. */
  record TaggedRegion(UUID tagId, NormalizedRect rect) {}

  List<TaggedRegion> on(UUID sourceImageId);
}
