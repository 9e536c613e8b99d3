package dev.marquee.tagging;

import dev.marquee.paging.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link TagRepository} on JPA. */
@ApplicationScoped
public class JpaTagRepository implements TagRepository {
  private static final int CHUNK = 500;

  @PersistenceContext private EntityManager em;

  protected JpaTagRepository() {}

  /** For use outside a container. */
  public JpaTagRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<EngagementTag> find(UUID id) {
    return Optional.ofNullable(em.find(EngagementTag.class, id));
  }

  @Override
  public Optional<EngagementTag> find(TagRef ref) {
    return em.createQuery(
            "select t from EngagementTag t where t.kind = :kind and t.normalizedValue = :value",
            EngagementTag.class)
        .setParameter("kind", ref.kind())
        .setParameter("value", ref.normalizedValue())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Map<String, EngagementTag> findAll(Collection<TagRef> refs) {
    Map<String, EngagementTag> found = new HashMap<>();
    List<String> values = refs.stream().map(TagRef::normalizedValue).distinct().toList();
    for (int i = 0; i < values.size(); i += CHUNK) {
      em.createQuery(
              "select t from EngagementTag t where t.normalizedValue in :values",
              EngagementTag.class)
          .setParameter("values", values.subList(i, Math.min(values.size(), i + CHUNK)))
          .getResultList()
          .forEach(t -> found.put(TagRepository.key(t.getKind(), t.getNormalizedValue()), t));
    }
    return found;
  }

  @Override
  public EngagementTag reference(UUID id) {
    return em.getReference(EngagementTag.class, id);
  }

  @Override
  public void add(EngagementTag tag) {
    em.persist(tag);
  }

  @Override
  public void remove(EngagementTag tag) {
    em.remove(tag);
  }

  @Override
  public long usageCount(UUID tagId) {
    return em.createQuery("select count(l) from EntryTag l where l.tag.id = :id", Long.class)
        .setParameter("id", tagId)
        .getSingleResult();
  }

  @Override
  public List<TagUsage> listUsage(TagKind kind, String valuePrefix, KeysetCursor after, int limit) {
    StringBuilder jpql =
        new StringBuilder(
            "select t, (select count(l.id) from EntryTag l where l.tag = t)"
                + " from EngagementTag t where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (kind != null) {
      jpql.append(" and t.kind = :kind");
      params.put("kind", kind);
    }
    if (valuePrefix != null) {
      jpql.append(" and t.normalizedValue like :prefix escape '!'");
      params.put(
          "prefix",
          TagRef.normalize(valuePrefix).replace("!", "!!").replace("%", "!%").replace("_", "!_")
              + "%");
    }
    if (after != null) {
      jpql.append(
          " and (t.normalizedValue > :afterKey or (t.normalizedValue = :afterKey and t.id > :afterId))");
      params.put("afterKey", after.sortKey());
      params.put("afterId", after.id());
    }
    jpql.append(" order by t.normalizedValue, t.id");
    TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class);
    params.forEach(query::setParameter);
    List<TagUsage> usage = new ArrayList<>();
    for (Object[] row : query.setMaxResults(limit).getResultList()) {
      usage.add(new TagUsage((EngagementTag) row[0], ((Number) row[1]).longValue()));
    }
    return usage;
  }

  @Override
  public Optional<EntryTag> findLink(UUID entryId, UUID tagId) {
    return em.createQuery(
            "select l from EntryTag l join fetch l.tag where l.entry.id = :entry and l.tag.id = :tag",
            EntryTag.class)
        .setParameter("entry", entryId)
        .setParameter("tag", tagId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<EntryTag> linksOf(UUID entryId) {
    return em.createQuery(
            "select l from EntryTag l join fetch l.tag t where l.entry.id = :entry"
                + " order by t.kind, t.normalizedValue",
            EntryTag.class)
        .setParameter("entry", entryId)
        .getResultList();
  }

  @Override
  public List<EntryTag> linksOf(Collection<UUID> entryIds) {
    List<UUID> ids = new ArrayList<>(entryIds);
    List<EntryTag> links = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      links.addAll(
          em.createQuery(
                  "select l from EntryTag l join fetch l.tag where l.entry.id in :ids",
                  EntryTag.class)
              .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
              .getResultList());
    }
    return links;
  }

  @Override
  public List<EntryTag> linksTo(UUID tagId) {
    return em.createQuery("select l from EntryTag l where l.tag.id = :tag", EntryTag.class)
        .setParameter("tag", tagId)
        .getResultList();
  }

  @Override
  public void add(EntryTag link) {
    em.persist(link);
  }

  @Override
  public void remove(EntryTag link) {
    em.remove(link);
  }

  @Override
  public void flush() {
    em.flush();
  }
}
