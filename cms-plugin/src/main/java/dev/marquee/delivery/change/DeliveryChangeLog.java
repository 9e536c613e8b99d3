package dev.marquee.delivery.change;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Records, inside the changing transaction, which delivery segments it changed (one row per segment
 * and transaction), and lists recent changes for the nodes that poll. Writers never share a lock:
 * each inserts its own rows.
 */
@ApplicationScoped
public class DeliveryChangeLog {
  private static final Object TX_KEY = DeliveryChangeLog.class.getName() + ".segments";

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transactions;
  @Inject Event<DeliveryChanged> committed;

  /**
   * Notes that the current transaction changes these segments; rows are written once per segment
   * and transaction, and {@link DeliveryChanged} is fired after a successful commit.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(Set<DeliverySegment> segments) {
    @SuppressWarnings("unchecked")
    Set<DeliverySegment> noted = (Set<DeliverySegment>) transactions.getResource(TX_KEY);
    if (noted == null) {
      noted = EnumSet.noneOf(DeliverySegment.class);
      transactions.putResource(TX_KEY, noted);
      Set<DeliverySegment> inThisTransaction = noted;
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                committed.fire(new DeliveryChanged(inThisTransaction));
              }
            }
          });
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    for (DeliverySegment segment : segments) {
      if (noted.add(segment)) {
        em.createNativeQuery("insert into delivery_change (segment, changed_at) values (?1, ?2)")
            .setParameter(1, segment.name())
            .setParameter(2, now)
            .executeUpdate();
      }
    }
  }

  /** Changes recorded at or after {@code since} (committed ones only, as the database shows). */
  @Transactional
  public List<DeliveryChange> since(Instant since) {
    List<DeliveryChange> changes = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select id, segment from delivery_change where changed_at >= ?1 order by id")
            .setParameter(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
            .getResultList()) {
      Object[] cells = (Object[]) row;
      changes.add(
          new DeliveryChange(
              ((Number) cells[0]).longValue(), DeliverySegment.valueOf((String) cells[1])));
    }
    return changes;
  }

  /** Deletes changes recorded before {@code before}; returns how many. */
  @Transactional
  public int prune(Instant before) {
    return em.createNativeQuery("delete from delivery_change where changed_at < ?1")
        .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
        .executeUpdate();
  }
}
