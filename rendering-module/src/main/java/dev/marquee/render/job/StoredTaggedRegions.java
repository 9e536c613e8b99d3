package dev.marquee.render.job;

import dev.marquee.render.region.RegionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** {@link TaggedRegions} from the regions editors marked (or accepted from suggestions). */
@ApplicationScoped
public class StoredTaggedRegions implements TaggedRegions {
  @Inject RegionRepository regions;

  @Override
  public List<TaggedRegion> on(UUID sourceImageId) {
    return regions.regionsOf(sourceImageId).stream()
        .map(r -> new TaggedRegion(r.getEntryTag().getTag().getId(), r.rect()))
        .toList();
  }
}
