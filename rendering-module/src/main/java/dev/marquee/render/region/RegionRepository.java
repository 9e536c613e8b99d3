package dev.marquee.render.region;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores the tagged regions and region suggestions of source images. */
public interface RegionRepository {
  /** The image's region for the engagement tag {@code tagId}. */
  Optional<TaggedRegion> findRegion(UUID imageId, UUID tagId);

  /** The image's regions with their tags, ordered by tag kind and value. */
  List<TaggedRegion> regionsOf(UUID imageId);

  void add(TaggedRegion region);

  void remove(TaggedRegion region);

  Optional<Suggestion> findSuggestion(UUID suggestionId);

  /** The image's suggestions by detector, most confident first. */
  List<Suggestion> suggestionsOf(UUID imageId);

  void add(Suggestion suggestion);

  /** Writes pending changes, so that versions are current (for ETags). */
  void flush();
}
