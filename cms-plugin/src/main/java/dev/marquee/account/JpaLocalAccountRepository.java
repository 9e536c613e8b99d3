package dev.marquee.account;

import dev.marquee.paging.KeysetCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link LocalAccountRepository} on JPA. */
@ApplicationScoped
public class JpaLocalAccountRepository implements LocalAccountRepository {
  @PersistenceContext private EntityManager em;

  protected JpaLocalAccountRepository() {}

  /** For use outside a container. */
  public JpaLocalAccountRepository(EntityManager em) {
    this.em = em;
  }

  @Override
  public Optional<LocalAccount> find(UUID id) {
    return Optional.ofNullable(em.find(LocalAccount.class, id));
  }

  @Override
  public Optional<LocalAccount> findByUsername(String username) {
    return em.createQuery("select a from LocalAccount a where a.username = :u", LocalAccount.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(LocalAccount account) {
    em.persist(account);
  }

  @Override
  public void remove(LocalAccount account) {
    em.remove(account);
  }

  @Override
  public List<LocalAccount> list(KeysetCursor after, int limit) {
    TypedQuery<LocalAccount> query;
    if (after == null) {
      query =
          em.createQuery(
              "select a from LocalAccount a order by a.username, a.id", LocalAccount.class);
    } else {
      query =
          em.createQuery(
                  "select a from LocalAccount a where a.username > :name"
                      + " or (a.username = :name and a.id > :id) order by a.username, a.id",
                  LocalAccount.class)
              .setParameter("name", after.sortKey())
              .setParameter("id", after.id());
    }
    return query.setMaxResults(limit).getResultList();
  }

  @Override
  public void lockEnabledHoldersOf(String role) {
    // The ids first, then a lock on one table only: H2 refuses FOR UPDATE on joins.
    List<UUID> ids =
        em.createQuery(
                "select a.id from LocalAccount a join a.roles r"
                    + " where r = :role and a.enabled = true",
                UUID.class)
            .setParameter("role", role)
            .getResultList();
    if (!ids.isEmpty()) {
      em.createQuery("select a from LocalAccount a where a.id in :ids", LocalAccount.class)
          .setParameter("ids", ids)
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultList();
    }
  }

  @Override
  public long countEnabledHoldersOf(String role, UUID except) {
    return em.createQuery(
            "select count(a) from LocalAccount a join a.roles r"
                + " where r = :role and a.enabled = true and a.id <> :except",
            Long.class)
        .setParameter("role", role)
        .setParameter("except", except)
        .getSingleResult();
  }

  @Override
  public void flush() {
    em.flush();
  }
}
