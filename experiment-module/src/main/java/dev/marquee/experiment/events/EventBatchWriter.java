package dev.marquee.experiment.events;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The set-based writes of one event batch, a few statements per batch whatever its size, on the
 * transaction's own JDBC connection. One implementation per database, because the statements that
 * are atomic under concurrency differ ({@link PostgresEventBatchWriter}, {@link
 * H2EventBatchWriter}).
 *
 * <p>Callers pass rows in lock order (events by id, viewers by {@link ViewerArm}, aggregates by
 * key) and call the methods in the order declared here, so concurrent batches take row locks in one
 * global order and cannot deadlock one another.
 */
public interface EventBatchWriter {
  /**
   * Stores the events whose id is not stored yet.
   *
   * @param events distinct ids, sorted by id
   * @return the ids this call stored (the others were counted before: duplicates)
   */
  Set<String> insertNew(List<RawEvent> events);

  /**
   * Adds to each viewer's counter row, creating absent rows with the delta's group and period, and
   * keeps the rows locked until the transaction ends.
   *
   * @param deltas one per viewer, sorted by viewer
   * @return each row as it was before this call added to it
   */
  Map<ViewerArm, ViewerCounter> addToViewers(List<ViewerDelta> deltas);

  /**
   * Moves stored events to the audience group they are counted in (their viewer's, when it differs
   * from the one the app sent).
   *
   * @param groups event id → audience group
   */
  void regroup(Map<String, UUID> groups);

  /** Adds the deltas to the aggregate rows (creating absent ones), in the keys' order. */
  void add(CounterTable table, SortedMap<? extends CounterKey, long[]> deltas);

  /** Runs JDBC work on the connection of the entity manager's transaction. */
  static <T> T onConnection(EntityManager em, ReturningWork<T> work) {
    return em.unwrap(Session.class).doReturningWork(work);
  }
}
