package dev.marquee.experiment.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as stored for audit and replay (kept for the retention period).
 *
 * @param armId the event's arm, or the holdout arm
 * @param audienceGroupId the group the event is counted in
 * @param propensity the probability its arm was assigned with, null when unknown
 */
public record RawEvent(
    String eventId,
    UUID experimentId,
    UUID armId,
    UUID audienceGroupId,
    String viewerKey,
    EventType type,
    Integer watchedSeconds,
    Instant occurredAt,
    Instant receivedAt,
    Double propensity) {}
