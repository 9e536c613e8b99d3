package dev.marquee.publishing;

import dev.marquee.paging.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link PromotionRepository} on JPA. */
@ApplicationScoped
public class JpaPromotionRepository implements PromotionRepository {
  @PersistenceContext private EntityManager em;

  protected JpaPromotionRepository() {}

  /** For use outside a container. */
  public JpaPromotionRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<Promotion> find(UUID id) {
    return Optional.ofNullable(em.find(Promotion.class, id));
  }

  @Override
  public List<Promotion> list(PromotionFilter f, KeysetCursor after, int limit) {
    StringBuilder jpql = new StringBuilder("select p from Promotion p where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (f.entryId() != null) {
      jpql.append(" and p.entryId = :entryId");
      params.put("entryId", f.entryId());
    }
    if (f.audience() != null) {
      jpql.append(" and p.audienceKey = :audienceKey");
      params.put("audienceKey", f.audience().key());
    }
    if (f.state() != null) {
      jpql.append(" and p.state = :state");
      params.put("state", f.state());
    }
    if (f.experimentId() != null) {
      jpql.append(" and p.experimentId = :experimentId");
      params.put("experimentId", f.experimentId());
    }
    if (after != null) {
      jpql.append(
          " and (p.proposedAt < :afterKey or (p.proposedAt = :afterKey and p.id < :afterId))");
      params.put("afterKey", Instant.parse(after.sortKey()));
      params.put("afterId", after.id());
    }
    jpql.append(" order by p.proposedAt desc, p.id desc");
    TypedQuery<Promotion> query = em.createQuery(jpql.toString(), Promotion.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public void add(Promotion promotion) {
    em.persist(promotion);
  }

  @Override
  public List<UUID> due(Instant now, int limit) {
    return em.createQuery(
            "select p.id from Promotion p where p.state = :approved and p.publishAt <= :now"
                + " order by p.publishAt, p.id",
            UUID.class)
        .setParameter("approved", PromotionState.APPROVED)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public boolean claimDue(UUID id, Instant now) {
    // Bumping the version under the row lock: a second node's identical update blocks until this
    // transaction ends, then finds the row PUBLISHED (or the version moved) and updates nothing.
    int claimed =
        em.createQuery(
                "update Promotion p set p.version = p.version + 1 where p.id = :id"
                    + " and p.state = :approved and p.publishAt <= :now")
            .setParameter("id", id)
            .setParameter("approved", PromotionState.APPROVED)
            .setParameter("now", now)
            .executeUpdate();
    return claimed == 1;
  }

  @Override
  public void flush() {
    em.flush();
  }
}
