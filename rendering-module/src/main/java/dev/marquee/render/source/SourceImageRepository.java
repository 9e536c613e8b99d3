package dev.marquee.render.source;

import dev.marquee.render.store.AssetKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores source image records (their bytes live in the asset store). */
public interface SourceImageRepository {
  Optional<SourceImage> find(UUID id);

  /** The entry's image with this content, if it was uploaded before. */
  Optional<SourceImage> findByContent(UUID entryId, AssetKey content);

  /** The entry's images, oldest first. */
  List<SourceImage> listByEntry(UUID entryId);

  /** Whether any image of any entry still uses this content (before deleting the blob). */
  boolean isContentReferenced(AssetKey content);

  void add(SourceImage image);

  void remove(SourceImage image);
}
