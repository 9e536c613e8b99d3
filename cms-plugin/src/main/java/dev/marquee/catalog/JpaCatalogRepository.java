package dev.marquee.catalog;

import dev.marquee.paging.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link CatalogRepository} on JPA; lists use keyset predicates and load collections in bulk. */
@ApplicationScoped
public class JpaCatalogRepository implements CatalogRepository {
  // keeps IN lists well below every database's bind-parameter limit
  static final int CHUNK = 500;

  @PersistenceContext private EntityManager em;

  protected JpaCatalogRepository() {}

  /** For use outside a container. */
  public JpaCatalogRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<CatalogEntry> find(UUID id) {
    return single(
        em.createQuery(
                "select e from CatalogEntry e left join fetch e.parent where e.id = :id",
                CatalogEntry.class)
            .setParameter("id", id));
  }

  @Override
  public Optional<CatalogEntry> findByExternalId(String externalId) {
    return single(
        em.createQuery(
                "select e from CatalogEntry e left join fetch e.parent where e.externalId = :x",
                CatalogEntry.class)
            .setParameter("x", externalId));
  }

  private Optional<CatalogEntry> single(TypedQuery<CatalogEntry> query) {
    List<CatalogEntry> found = query.getResultList();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    loadCollections(found);
    return Optional.of(found.get(0));
  }

  @Override
  public List<CatalogEntry> findByExternalIds(Collection<String> externalIds) {
    List<CatalogEntry> result = new ArrayList<>();
    for (List<String> chunk : chunks(externalIds)) {
      List<CatalogEntry> found =
          em.createQuery(
                  "select e from CatalogEntry e left join fetch e.parent where e.externalId in :xs",
                  CatalogEntry.class)
              .setParameter("xs", chunk)
              .getResultList();
      loadCollections(found);
      result.addAll(found);
    }
    return result;
  }

  @Override
  public Map<String, EntryRef> findRefs(Collection<String> externalIds) {
    Map<String, EntryRef> refs = new HashMap<>();
    for (List<String> chunk : chunks(externalIds)) {
      em.createQuery(
              "select new dev.marquee.catalog.EntryRef(e.id, e.externalId, e.kind)"
                  + " from CatalogEntry e where e.externalId in :xs",
              EntryRef.class)
          .setParameter("xs", chunk)
          .getResultList()
          .forEach(r -> refs.put(r.externalId(), r));
    }
    return refs;
  }

  @Override
  public CatalogEntry reference(UUID id) {
    return em.getReference(CatalogEntry.class, id);
  }

  @Override
  public boolean hasChildren(UUID id) {
    return !em.createQuery("select c.id from CatalogEntry c where c.parent.id = :id", UUID.class)
        .setParameter("id", id)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void add(CatalogEntry entry) {
    em.persist(entry);
  }

  @Override
  public void remove(CatalogEntry entry) {
    em.remove(entry);
  }

  @Override
  public List<CatalogEntry> list(
      EntryFilter filter, EntrySort sort, KeysetCursor after, int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "select e from CatalogEntry e left join fetch e.parent where e.status = :status");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("status", filter.status());
    if (filter.text() != null) {
      jpql.append(
          " and (lower(e.title) like :text escape '!' or e.id in (select l.id from CatalogEntry l"
              + " join l.localizedTitles lt where lower(lt) like :text escape '!'))");
      params.put("text", "%" + escapeLike(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
    }
    if (filter.kind() != null) {
      jpql.append(" and e.kind = :kind");
      params.put("kind", filter.kind());
    }
    if (filter.genre() != null) {
      jpql.append(
          " and e.id in (select g.id from CatalogEntry g join g.genres gg where gg = :genre)");
      params.put("genre", filter.genre());
    }
    for (int i = 0; i < filter.tags().size(); i++) {
      jpql.append(
          " and e.id in (select et.entry.id from EntryTag et"
              + " where et.tag.kind = :tagKind"
              + i
              + " and et.tag.normalizedValue = :tagValue"
              + i
              + ")");
      params.put("tagKind" + i, filter.tags().get(i).kind());
      params.put("tagValue" + i, filter.tags().get(i).normalizedValue());
    }
    if (filter.maturityScheme() != null) {
      jpql.append(" and e.maturity.scheme = :scheme");
      params.put("scheme", filter.maturityScheme());
    }
    if (filter.maturityValue() != null) {
      jpql.append(" and lower(e.maturity.value) = :maturityValue");
      params.put("maturityValue", filter.maturityValue().toLowerCase(java.util.Locale.ROOT));
    }
    if (filter.maxMinimumAge() != null) {
      jpql.append(" and e.maturity.minimumAge <= :maxAge");
      params.put("maxAge", filter.maxMinimumAge());
    }
    if (filter.updatedSince() != null) {
      jpql.append(" and e.updatedAt >= :since");
      params.put("since", filter.updatedSince());
    }
    if (sort == EntrySort.UPDATED_AT) {
      if (after != null) {
        jpql.append(
            " and (e.updatedAt < :afterKey or (e.updatedAt = :afterKey and e.id < :afterId))");
        params.put("afterKey", Instant.parse(after.sortKey()));
        params.put("afterId", after.id());
      }
      jpql.append(" order by e.updatedAt desc, e.id desc");
    } else {
      if (after != null) {
        jpql.append(
            " and (e.sortTitle > :afterKey or (e.sortTitle = :afterKey and e.id > :afterId))");
        params.put("afterKey", after.sortKey());
        params.put("afterId", after.id());
      }
      jpql.append(" order by e.sortTitle, e.id");
    }
    TypedQuery<CatalogEntry> query = em.createQuery(jpql.toString(), CatalogEntry.class);
    params.forEach(query::setParameter);
    List<CatalogEntry> page = query.setMaxResults(limit).getResultList();
    loadCollections(page);
    return page;
  }

  /**
   * Initialises the element collections of {@code entries} with one query per collection instead of
   * one per entry.
   */
  private void loadCollections(List<CatalogEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<UUID> ids = entries.stream().map(CatalogEntry::getId).toList();
    for (String collection : List.of("localizedTitles", "genres", "cast")) {
      em.createQuery(
              "select e from CatalogEntry e left join fetch e."
                  + collection
                  + " where e.id in :ids",
              CatalogEntry.class)
          .setParameter("ids", ids)
          .getResultList();
    }
  }

  @Override
  public void flushAndClear() {
    em.flush();
    em.clear();
  }

  static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  static <T> List<List<T>> chunks(Collection<T> items) {
    List<T> all = new ArrayList<>(items);
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
