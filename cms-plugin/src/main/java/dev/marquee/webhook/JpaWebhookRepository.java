package dev.marquee.webhook;

import dev.marquee.paging.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link WebhookRepository} on JPA. */
@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {
  @PersistenceContext private EntityManager em;

  protected JpaWebhookRepository() {}

  /** For use outside a container. */
  public JpaWebhookRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<WebhookSubscription> findSubscription(UUID id) {
    return Optional.ofNullable(em.find(WebhookSubscription.class, id));
  }

  @Override
  public List<WebhookSubscription> listSubscriptions(KeysetCursor after, int limit) {
    TypedQuery<WebhookSubscription> query =
        after == null
            ? em.createQuery(
                "select s from WebhookSubscription s order by s.createdAt, s.id",
                WebhookSubscription.class)
            : em.createQuery(
                    "select s from WebhookSubscription s where s.createdAt > :at"
                        + " or (s.createdAt = :at and s.id > :id) order by s.createdAt, s.id",
                    WebhookSubscription.class)
                .setParameter("at", Instant.parse(after.sortKey()))
                .setParameter("id", after.id());
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public List<WebhookSubscription> enabledSubscriptions() {
    return em.createQuery(
            "select s from WebhookSubscription s where s.enabled = true", WebhookSubscription.class)
        .getResultList();
  }

  @Override
  public void add(WebhookSubscription subscription) {
    em.persist(subscription);
  }

  @Override
  public void remove(WebhookSubscription subscription) {
    // Messages and attempts go with it (ON DELETE CASCADE); clear them from this context first.
    em.flush();
    em.remove(subscription);
    em.flush();
    em.clear();
  }

  @Override
  public Optional<WebhookMessage> findMessage(UUID id) {
    return Optional.ofNullable(em.find(WebhookMessage.class, id));
  }

  @Override
  public List<WebhookMessage> listMessages(UUID subscriptionId, KeysetCursor after, int limit) {
    TypedQuery<WebhookMessage> query =
        after == null
            ? em.createQuery(
                "select m from WebhookMessage m where m.subscriptionId = :s"
                    + " order by m.createdAt desc, m.id desc",
                WebhookMessage.class)
            : em.createQuery(
                    "select m from WebhookMessage m where m.subscriptionId = :s and (m.createdAt < :at"
                        + " or (m.createdAt = :at and m.id < :id))"
                        + " order by m.createdAt desc, m.id desc",
                    WebhookMessage.class)
                .setParameter("at", Instant.parse(after.sortKey()))
                .setParameter("id", after.id());
    return query.setParameter("s", subscriptionId).setMaxResults(limit).getResultList();
  }

  @Override
  public void add(WebhookMessage message) {
    em.persist(message);
  }

  @Override
  public List<UUID> dueMessageIds(Instant now, int limit) {
    return em.createQuery(
            "select m.id from WebhookMessage m where m.status = :pending"
                + " and m.nextAttemptAt <= :now"
                + " and (m.claimedUntil is null or m.claimedUntil < :now)"
                + " order by m.nextAttemptAt, m.id",
            UUID.class)
        .setParameter("pending", DeliveryStatus.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public boolean claim(UUID messageId, Instant now, Instant until) {
    return em.createQuery(
                "update WebhookMessage m set m.claimedUntil = :until"
                    + " where m.id = :id and m.status = :pending"
                    + " and (m.claimedUntil is null or m.claimedUntil < :now)")
            .setParameter("until", until)
            .setParameter("id", messageId)
            .setParameter("pending", DeliveryStatus.PENDING)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  @Override
  public void add(WebhookAttempt attempt) {
    em.persist(attempt);
  }

  @Override
  public List<WebhookAttempt> attemptsOf(UUID messageId) {
    return em.createQuery(
            "select a from WebhookAttempt a where a.messageId = :m order by a.attemptNo",
            WebhookAttempt.class)
        .setParameter("m", messageId)
        .getResultList();
  }

  @Override
  public long attemptCount(UUID messageId) {
    return em.createQuery(
            "select count(a) from WebhookAttempt a where a.messageId = :m", Long.class)
        .setParameter("m", messageId)
        .getSingleResult();
  }

  @Override
  public void flush() {
    em.flush();
  }
}
