package dev.marquee.experiment.events.web;

import dev.marquee.api.DeliveryEventsApi;
import dev.marquee.api.model.DeliveryEvent;
import dev.marquee.api.model.DeliveryEventBatch;
import dev.marquee.api.model.DeliveryEventOutcome;
import dev.marquee.api.model.DeliveryEventReport;
import dev.marquee.database.ConcurrencyFailures;
import dev.marquee.experiment.enrolment.SqlDialect;
import dev.marquee.experiment.events.EventIngestionService;
import dev.marquee.experiment.events.EventOutcome;
import dev.marquee.experiment.events.EventType;
import dev.marquee.experiment.events.IncomingEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ingestion for front-end apps: the generated {@link DeliveryEventsApi}. The delivery API key
 * filter has authenticated the app before this runs ({@code @PermitAll}: no user role applies).
 */
@RequestScoped
public class DeliveryEventResource implements DeliveryEventsApi {
  private static final int RACE_ATTEMPTS = 4;
  private static final Object H2_TURNS = new Object();

  @Inject EventIngestionService ingestion;
  @Inject SqlDialect dialect;

  @Override
  @PermitAll
  public Response ingestDeliveryEvents(DeliveryEventBatch body) {
    List<IncomingEvent> batch =
        body.getEvents().stream().map(DeliveryEventResource::incomingEvent).toList();
    List<EventOutcome> outcomes = ingestWithRetries(batch);
    DeliveryEventReport report =
        new DeliveryEventReport()
            .accepted(count(outcomes, EventOutcome.Status.ACCEPTED))
            .duplicates(count(outcomes, EventOutcome.Status.DUPLICATE))
            .rejected(count(outcomes, EventOutcome.Status.REJECTED))
            .outcomes(
                outcomes.stream()
                    .map(
                        o ->
                            new DeliveryEventOutcome()
                                .eventId(o.eventId())
                                .status(
                                    DeliveryEventOutcome.StatusEnum.fromValue(o.status().name()))
                                .reason(o.reason()))
                    .toList());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(report).cacheControl(noStore).build();
  }

  /**
   * Concurrent batches upsert the same counter rows. On PostgreSQL those upserts are atomic ({@code
   * ON CONFLICT}); H2's MERGE is not, and two batches sharing a viewer race, so on H2 (the
   * embedded, single-process mode) batches take turns. Should a transaction still lose a race (a
   * deadlock, a lock timeout) it rolled back whole and ingestion is idempotent, so the batch is run
   * again a few times with a short random pause before the client is told to retry (503 via the
   * mappers).
   */
  private List<EventOutcome> ingestWithRetries(List<IncomingEvent> batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        if (dialect.isPostgres()) {
          return ingestion.ingest(batch);
        }
        synchronized (H2_TURNS) {
          return ingestion.ingest(batch);
        }
      } catch (RuntimeException e) {
        boolean race =
            ConcurrencyFailures.lockContention(e) || ConcurrencyFailures.constraintViolation(e);
        if (!race || attempt == RACE_ATTEMPTS) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static IncomingEvent incomingEvent(DeliveryEvent e) {
    return new IncomingEvent(
        e.getEventId(),
        e.getExperimentId(),
        e.getArmId(),
        e.getAudienceGroupId(),
        e.getViewerId(),
        EventType.valueOf(e.getType().toString()),
        e.getOccurredAt().toInstant(),
        e.getWatchedSeconds());
  }

  private static int count(List<EventOutcome> outcomes, EventOutcome.Status status) {
    return (int) outcomes.stream().filter(o -> o.status() == status).count();
  }
}
