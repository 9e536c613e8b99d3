package dev.marquee.experiment.events.web;

import dev.marquee.api.DeliveryEventsApi;
import dev.marquee.api.model.DeliveryEvent;
import dev.marquee.api.model.DeliveryEventBatch;
import dev.marquee.api.model.DeliveryEventOutcome;
import dev.marquee.api.model.DeliveryEventReport;
import dev.marquee.experiment.events.EventIngestion;
import dev.marquee.experiment.events.EventOutcome;
import dev.marquee.experiment.events.EventType;
import dev.marquee.experiment.events.IncomingEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Event ingestion for front-end apps: the generated {@link DeliveryEventsApi}. The delivery API key
 * filter has authenticated the app before this runs ({@code @PermitAll}: no user role applies). A
 * batch that keeps losing lock races ({@link EventIngestion}) answers 503 with {@code Retry-After}
 * through the exception mappers.
 */
@RequestScoped
public class DeliveryEventResource implements DeliveryEventsApi {
  @Inject EventIngestion ingestion;

  @Override
  @PermitAll
  public Response ingestDeliveryEvents(DeliveryEventBatch body) {
    List<IncomingEvent> batch =
        body.getEvents().stream().map(DeliveryEventResource::incomingEvent).toList();
    List<EventOutcome> outcomes = ingestion.ingest(batch);
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
