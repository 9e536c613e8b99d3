package dev.marquee.experiment.events;

import dev.marquee.database.ConcurrencyFailures;
import dev.marquee.experiment.enrolment.SqlDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Where every caller ingests an event batch: runs {@link EventIngestionService#ingest} in a
 * transaction of its own, outside any transaction of the caller, so that a batch whose transaction
 * lost a race can be run again and so that the commit falls inside the batch's turn on H2.
 *
 * <ul>
 *   <li><b>Turns on H2.</b> H2's MERGE is not atomic against a concurrent insert of the same key,
 *       so on H2 (the embedded mode, one process per database file) batches take turns, one at a
 *       time in the JVM, first come first served. PostgreSQL's upserts are atomic and batches run
 *       in parallel.
 *   <li><b>Lost races.</b> A transaction that still loses a race (a deadlock victim, a lock
 *       timeout, a concurrent insert of a key) rolled back whole, and ingestion is idempotent, so
 *       the batch is run again up to {@value #ATTEMPTS} times with a short random pause. After that
 *       the failure reaches the caller (the delivery API answers 503 with {@code Retry-After}).
 * </ul>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class EventIngestion {
  /** Attempts per batch before a lost race reaches the caller. */
  public static final int ATTEMPTS = 4;

  // one lock per JVM, not per bean: every ingestion path in the process shares the H2 database
  private static final ReentrantLock H2_TURNS = new ReentrantLock(true);

  private Function<List<IncomingEvent>, List<EventOutcome>> transaction;
  private BooleanSupplier takesTurns;

  protected EventIngestion() {}

  @Inject
  public EventIngestion(EventIngestionService service, SqlDialect dialect) {
    this(service::ingest, () -> !dialect.isPostgres());
  }

  /**
   * Ingestion outside a container.
   *
   * @param transaction runs {@link EventIngestionService#ingest} in a new transaction
   * @param takesTurns whether batches must take turns (the database is H2)
   */
  public EventIngestion(
      Function<List<IncomingEvent>, List<EventOutcome>> transaction, BooleanSupplier takesTurns) {
    this.transaction = transaction;
    this.takesTurns = takesTurns;
  }

  /**
   * Ingests the batch; one outcome per event, in input order.
   *
   * @throws RuntimeException the last lost race's failure after {@value #ATTEMPTS} attempts, or any
   *     other failure (e.g. an oversized batch) at once
   */
  public List<EventOutcome> ingest(List<IncomingEvent> batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(batch);
      } catch (RuntimeException e) {
        boolean race =
            ConcurrencyFailures.lockContention(e) || ConcurrencyFailures.constraintViolation(e);
        if (!race || attempt == ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private List<EventOutcome> once(List<IncomingEvent> batch) {
    if (!takesTurns.getAsBoolean()) {
      return transaction.apply(batch);
    }
    H2_TURNS.lock();
    try {
      return transaction.apply(batch);
    } finally {
      H2_TURNS.unlock();
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
