package dev.marquee.experiment.lifecycle;

import dev.marquee.paging.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link ExperimentRepository} on JPA. */
@ApplicationScoped
public class JpaExperimentRepository implements ExperimentRepository {
  @PersistenceContext private EntityManager em;

  protected JpaExperimentRepository() {}

  /** A repository on the given entity manager (outside a container). */
  public JpaExperimentRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Experiment> find(UUID id) {
    return Optional.ofNullable(em.find(Experiment.class, id));
  }

  @Override
  public List<Experiment> list(ExperimentFilter filter, KeysetCursor after, int limit) {
    StringBuilder jpql = new StringBuilder("select x from Experiment x where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (filter.entryId() != null) {
      jpql.append(" and x.entryId = :entry");
      params.put("entry", filter.entryId());
    }
    if (filter.state() != null) {
      jpql.append(" and x.state = :state");
      params.put("state", filter.state());
    }
    if (filter.audienceGroupId() != null) {
      jpql.append(" and :group member of x.audienceGroupIds");
      params.put("group", filter.audienceGroupId());
    }
    if (after != null) {
      jpql.append(" and (x.createdAt < :at or (x.createdAt = :at and x.id < :id))");
      params.put("at", Instant.parse(after.sortKey()));
      params.put("id", after.id());
    }
    jpql.append(" order by x.createdAt desc, x.id desc");
    TypedQuery<Experiment> query = em.createQuery(jpql.toString(), Experiment.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public void add(Experiment experiment) {
    em.persist(experiment);
  }

  @Override
  public void remove(Experiment experiment) {
    em.remove(experiment);
  }

  @Override
  public List<RunningExperimentSlot> slots(UUID entryId, Collection<UUID> groupIds) {
    return em.createQuery(
            "select s from RunningExperimentSlot s where s.entryId = :entry"
                + " and s.audienceGroupId in :groups",
            RunningExperimentSlot.class)
        .setParameter("entry", entryId)
        .setParameter("groups", groupIds)
        .getResultList();
  }

  @Override
  public void addSlot(RunningExperimentSlot slot) {
    em.persist(slot);
  }

  @Override
  public void releaseSlots(UUID experimentId) {
    em.createQuery("delete from RunningExperimentSlot s where s.experimentId = :id")
        .setParameter("id", experimentId)
        .executeUpdate();
  }

  @Override
  public long countTargeting(UUID audienceGroupId) {
    return em.createQuery(
            "select count(x) from Experiment x where :group member of x.audienceGroupIds",
            Long.class)
        .setParameter("group", audienceGroupId)
        .getSingleResult();
  }

  @Override
  public boolean entryExists(UUID entryId) {
    return !em.createQuery("select e.id from CatalogEntry e where e.id = :id", UUID.class)
        .setParameter("id", entryId)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<UUID> variantsOfEntry(UUID entryId, Collection<UUID> variantIds) {
    if (variantIds.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select v.id from Variant v where v.entryId = :entry and v.id in :ids", UUID.class)
        .setParameter("entry", entryId)
        .setParameter("ids", variantIds)
        .getResultList();
  }

  @Override
  public List<UUID> existingGroups(Collection<UUID> groupIds) {
    return em.createQuery("select g.id from AudienceGroup g where g.id in :ids", UUID.class)
        .setParameter("ids", groupIds)
        .getResultList();
  }

  @Override
  public void scheduleReallocation(UUID experimentId, Instant at) {
    em.createNativeQuery("update experiment set next_reallocation_at = ?1 where id = ?2")
        .setParameter(1, utc(at))
        .setParameter(2, experimentId)
        .executeUpdate();
  }

  @Override
  public List<UUID> dueForReallocation(Instant now, int limit) {
    return em.createQuery(
            "select x.id from Experiment x where x.mode = :mode and x.state = :state"
                + " and x.nextReallocationAt <= :now order by x.nextReallocationAt",
            UUID.class)
        .setParameter("mode", ExperimentMode.BANDIT)
        .setParameter("state", ExperimentState.RUNNING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public boolean claimReallocation(UUID experimentId, Instant now, Instant next) {
    return em.createNativeQuery(
                "update experiment set next_reallocation_at = ?1 where id = ?2"
                    + " and state = 'RUNNING' and next_reallocation_at <= ?3")
            .setParameter(1, utc(next))
            .setParameter(2, experimentId)
            .setParameter(3, utc(now))
            .executeUpdate()
        == 1;
  }

  private static java.time.OffsetDateTime utc(Instant t) {
    return java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC);
  }

  @Override
  public void flush() {
    em.flush();
  }
}
