package dev.marquee.experiment.audience;

import dev.marquee.experiment.audience.rules.ViewerFacts;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.tagging.EntryTag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link AudienceGroupRepository} on JPA. */
@ApplicationScoped
public class JpaAudienceGroupRepository implements AudienceGroupRepository {
  @PersistenceContext private EntityManager em;

  @Override
  public Optional<AudienceGroup> find(UUID id) {
    return Optional.ofNullable(em.find(AudienceGroup.class, id));
  }

  @Override
  public Optional<AudienceGroup> findByName(String name) {
    return em.createQuery("select g from AudienceGroup g where g.name = :n", AudienceGroup.class)
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<AudienceGroup> list(KeysetCursor after, int limit) {
    if (after == null) {
      return em.createQuery(
              "select g from AudienceGroup g order by g.position, g.id", AudienceGroup.class)
          .setMaxResults(limit)
          .getResultList();
    }
    return em.createQuery(
            "select g from AudienceGroup g where g.position > :p or (g.position = :p and g.id > :id)"
                + " order by g.position, g.id",
            AudienceGroup.class)
        .setParameter("p", Integer.parseInt(after.sortKey()))
        .setParameter("id", after.id())
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public List<AudienceGroup> all() {
    return em.createQuery(
            "select g from AudienceGroup g order by g.position, g.id", AudienceGroup.class)
        .getResultList();
  }

  @Override
  public int maxPosition() {
    Integer max =
        em.createQuery(
                "select max(g.position) from AudienceGroup g where g.defaultMarker is null",
                Integer.class)
            .getSingleResult();
    return max == null ? -1 : max;
  }

  @Override
  public AudienceGroupOrder order() {
    return em.find(AudienceGroupOrder.class, AudienceGroupOrder.SINGLETON_ID);
  }

  @Override
  public void add(AudienceGroup group) {
    em.persist(group);
  }

  @Override
  public void remove(AudienceGroup group) {
    em.remove(group);
  }

  @Override
  public Map<UUID, Map<String, Double>> tagsOfEntries(Collection<UUID> entryIds) {
    Map<UUID, Map<String, Double>> tags = new HashMap<>();
    if (entryIds.isEmpty()) {
      return tags;
    }
    em.createQuery("select e.id from CatalogEntry e where e.id in :ids", UUID.class)
        .setParameter("ids", entryIds)
        .getResultList()
        .forEach(id -> tags.put(id, new HashMap<>()));
    for (EntryTag link :
        em.createQuery(
                "select l from EntryTag l join fetch l.tag where l.entry.id in :ids",
                EntryTag.class)
            .setParameter("ids", entryIds)
            .getResultList()) {
      tags.get(link.getEntry().getId())
          .put(
              ViewerFacts.tagKey(link.getTag().getKind().name(), link.getTag().getValue()),
              link.getWeight() == null ? 1.0 : link.getWeight());
    }
    return tags;
  }

  @Override
  public void flush() {
    em.flush();
  }
}
