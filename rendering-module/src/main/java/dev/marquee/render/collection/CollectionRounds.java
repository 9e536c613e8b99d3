package dev.marquee.render.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The shared schedule of collection rounds (table {@code asset_collection}): a node runs a round
 * only after moving {@code next_run_at} forward itself, in a conditional update of its own
 * transaction, so two nodes polling at the same moment never both run one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class CollectionRounds {
  static final String STORE = "assets";

  @PersistenceContext private EntityManager em;

  /**
   * Claims the round that is due at {@code now}, if any.
   *
   * @param next when the round after it is due
   * @return whether this node won the round
   */
  public boolean claim(Instant now, Instant next, String node) {
    return em.createNativeQuery(
                "update asset_collection set next_run_at = ?1, claimed_by = ?2, started_at = ?3,"
                    + " finished_at = null where name = ?4 and next_run_at <= ?3")
            .setParameter(1, utc(next))
            .setParameter(2, node)
            .setParameter(3, utc(now))
            .setParameter(4, STORE)
            .executeUpdate()
        == 1;
  }

  /** Records the outcome of the round this node claimed. */
  public void finished(Instant at, SweepResult result) {
    em.createNativeQuery(
            "update asset_collection set finished_at = ?1, examined = ?2, deleted = ?3,"
                + " freed_bytes = ?4 where name = ?5")
        .setParameter(1, utc(at))
        .setParameter(2, result.examined())
        .setParameter(3, result.deleted())
        .setParameter(4, result.freedBytes())
        .setParameter(5, STORE)
        .executeUpdate();
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
