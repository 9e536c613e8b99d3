package dev.marquee.tagging;

import dev.marquee.paging.KeysetCursor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores the tag vocabulary and the entry-tag links. */
public interface TagRepository {
  Optional<EngagementTag> find(UUID id);

  Optional<EngagementTag> find(TagRef ref);

  /** Existing terms for these refs, keyed by {@code KIND:normalizedValue}. */
  Map<String, EngagementTag> findAll(Collection<TagRef> refs);

  /** A reference to a term known to exist, without loading it. */
  EngagementTag reference(UUID id);

  void add(EngagementTag tag);

  void remove(EngagementTag tag);

  long usageCount(UUID tagId);

  /** Terms with their usage counts, ordered by normalised value then id. */
  List<TagUsage> listUsage(TagKind kind, String valuePrefix, KeysetCursor after, int limit);

  Optional<EntryTag> findLink(UUID entryId, UUID tagId);

  /** An entry's links with their tags loaded, ordered by kind and value. */
  List<EntryTag> linksOf(UUID entryId);

  /** The links of these entries with their tags loaded. */
  List<EntryTag> linksOf(Collection<UUID> entryIds);

  List<EntryTag> linksTo(UUID tagId);

  void add(EntryTag link);

  void remove(EntryTag link);

  /** Makes pending link changes visible to queries in this transaction. */
  void flush();

  /** Key of a term in {@link #findAll}. */
  static String key(TagKind kind, String normalizedValue) {
    return kind + ":" + normalizedValue;
  }
}
