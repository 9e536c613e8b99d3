package dev.marquee.experiment.audience;

import dev.marquee.paging.KeysetCursor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores audience groups and the order singleton. */
public interface AudienceGroupRepository {
  Optional<AudienceGroup> find(UUID id);

  Optional<AudienceGroup> findByName(String name);

  /** Groups in resolution order (position, then id), after the cursor. */
  List<AudienceGroup> list(KeysetCursor after, int limit);

  /** All groups in resolution order, the default last. */
  List<AudienceGroup> all();

  /** The largest position of a non-default group, or -1 when there is none. */
  int maxPosition();

  AudienceGroupOrder order();

  void add(AudienceGroup group);

  void remove(AudienceGroup group);

  /**
   * For each entry id that exists, its engagement tags as {@code tag key -> weight (1 if none)}.
   */
  Map<UUID, Map<String, Double>> tagsOfEntries(Collection<UUID> entryIds);

  void flush();
}
