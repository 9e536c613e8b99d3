package dev.marquee.audit;

import dev.marquee.paging.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link AuditRepository} on JPA. */
@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {
  @PersistenceContext private EntityManager em;

  protected JpaAuditRepository() {}

  /** For use outside a container. */
  public JpaAuditRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public void add(AuditEvent event) {
    em.persist(event);
  }

  @Override
  public List<AuditEvent> list(AuditQuery q, KeysetCursor after, int limit) {
    StringBuilder jpql = new StringBuilder("select a from AuditEvent a where 1 = 1");
    Map<String, Object> params = new LinkedHashMap<>();
    if (q.targetType() != null) {
      jpql.append(" and a.targetType = :targetType");
      params.put("targetType", q.targetType());
    }
    if (q.targetId() != null) {
      jpql.append(" and a.targetId = :targetId");
      params.put("targetId", q.targetId());
    }
    if (q.actor() != null) {
      jpql.append(" and a.actor = :actor");
      params.put("actor", q.actor());
    }
    if (q.action() != null) {
      jpql.append(" and a.action = :action");
      params.put("action", q.action());
    }
    if (q.since() != null) {
      jpql.append(" and a.occurredAt >= :since");
      params.put("since", q.since());
    }
    if (q.until() != null) {
      jpql.append(" and a.occurredAt < :until");
      params.put("until", q.until());
    }
    if (after != null) {
      jpql.append(
          " and (a.occurredAt < :afterKey or (a.occurredAt = :afterKey and a.id < :afterId))");
      params.put("afterKey", Instant.parse(after.sortKey()));
      params.put("afterId", after.id());
    }
    jpql.append(" order by a.occurredAt desc, a.id desc");
    TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
    params.forEach(query::setParameter);
    return query.setMaxResults(limit).getResultList();
  }
}
