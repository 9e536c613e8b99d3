package dev.marquee.catalog;

import dev.marquee.paging.KeysetCursor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores catalog entries. Entries returned have their parent and collections loaded. */
public interface CatalogRepository {
  Optional<CatalogEntry> find(UUID id);

  Optional<CatalogEntry> findByExternalId(String externalId);

  /** Entries with these external ids (missing ones are left out), collections loaded in bulk. */
  List<CatalogEntry> findByExternalIds(Collection<String> externalIds);

  /** Id and kind of the entries with these external ids, keyed by external id. */
  Map<String, EntryRef> findRefs(Collection<String> externalIds);

  /** A reference to an entry known to exist, without loading it. */
  CatalogEntry reference(UUID id);

  boolean hasChildren(UUID id);

  void add(CatalogEntry entry);

  void remove(CatalogEntry entry);

  /**
   * At most {@code limit} entries matching {@code filter} after {@code after} in {@code sort}
   * order.
   */
  List<CatalogEntry> list(EntryFilter filter, EntrySort sort, KeysetCursor after, int limit);

  /** Writes pending changes and detaches everything: keeps memory flat during bulk work. */
  void flushAndClear();
}
