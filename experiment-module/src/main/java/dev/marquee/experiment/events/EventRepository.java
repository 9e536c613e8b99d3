package dev.marquee.experiment.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Retention and erasure of raw events and per-viewer counters. Ingestion writes them in batches
 * through an {@link EventBatchWriter}.
 */
@ApplicationScoped
public class EventRepository {
  @PersistenceContext private EntityManager em;

  /** Deletes raw events received before the cutoff. @return how many */
  public int purgeReceivedBefore(Instant cutoff) {
    return em.createNativeQuery("delete from experiment_event where received_at < ?1")
        .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
        .executeUpdate();
  }

  /** Deletes a viewer's raw events and per-viewer counters. @return rows deleted per table */
  public int[] eraseViewer(String viewerKey) {
    int events =
        em.createNativeQuery("delete from experiment_event where viewer_key = ?1")
            .setParameter(1, viewerKey)
            .executeUpdate();
    int counters =
        em.createNativeQuery("delete from experiment_viewer_counts where viewer_key = ?1")
            .setParameter(1, viewerKey)
            .executeUpdate();
    return new int[] {events, counters};
  }
}
