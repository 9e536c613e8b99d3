package dev.marquee.delivery.access;

import dev.marquee.paging.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link DeliveryAppRepository} on JPA. */
@ApplicationScoped
public class JpaDeliveryAppRepository implements DeliveryAppRepository {
  @PersistenceContext private EntityManager em;

  protected JpaDeliveryAppRepository() {}

  /** For use outside a container. */
  public JpaDeliveryAppRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<DeliveryApp> find(UUID id) {
    return Optional.ofNullable(em.find(DeliveryApp.class, id));
  }

  @Override
  public Optional<DeliveryApp> findByName(String name) {
    return em.createQuery("select a from DeliveryApp a where a.name = :name", DeliveryApp.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(DeliveryApp app) {
    em.persist(app);
  }

  @Override
  public void remove(DeliveryApp app) {
    // keys reference the app by id only; delete them first so the persistence context agrees
    em.createQuery("delete from DeliveryApiKey k where k.appId = :app")
        .setParameter("app", app.getId())
        .executeUpdate();
    em.remove(app);
  }

  @Override
  public List<DeliveryApp> list(KeysetCursor after, int limit) {
    TypedQuery<DeliveryApp> query;
    if (after == null) {
      query =
          em.createQuery("select a from DeliveryApp a order by a.name, a.id", DeliveryApp.class);
    } else {
      query =
          em.createQuery(
                  "select a from DeliveryApp a where a.name > :name or (a.name = :name and a.id > :id)"
                      + " order by a.name, a.id",
                  DeliveryApp.class)
              .setParameter("name", after.sortKey())
              .setParameter("id", after.id());
    }
    List<DeliveryApp> apps = query.setMaxResults(limit).getResultList();
    if (!apps.isEmpty()) {
      // one query for every listed app's origins instead of one per app
      em.createQuery(
              "select distinct a from DeliveryApp a left join fetch a.allowedOrigins where a in :apps",
              DeliveryApp.class)
          .setParameter("apps", apps)
          .getResultList();
    }
    return apps;
  }

  @Override
  public Optional<DeliveryApiKey> findKey(String keyId) {
    return Optional.ofNullable(em.find(DeliveryApiKey.class, keyId));
  }

  @Override
  public List<DeliveryApiKey> keysOf(UUID appId) {
    return em.createQuery(
            "select k from DeliveryApiKey k where k.appId = :app order by k.createdAt desc, k.keyId",
            DeliveryApiKey.class)
        .setParameter("app", appId)
        .getResultList();
  }

  @Override
  public void addKey(DeliveryApiKey key) {
    em.persist(key);
  }

  @Override
  public void touchKey(String keyId, Instant at) {
    em.createQuery(
            "update DeliveryApiKey k set k.lastUsedAt = :at"
                + " where k.keyId = :id and (k.lastUsedAt is null or k.lastUsedAt < :at)")
        .setParameter("at", at)
        .setParameter("id", keyId)
        .executeUpdate();
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public List<String> enabledOrigins() {
    return em.createQuery(
            "select distinct o from DeliveryApp a join a.allowedOrigins o where a.enabled = true",
            String.class)
        .getResultList();
  }
}
