package dev.marquee.experiment.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event as an app sends it.
 *
 * @param eventId client-generated, unique per event; a retry sends the same id
 * @param viewerId the app's pseudonymous viewer id (hashed with the viewer key, never stored)
 * @param watchedSeconds for PLAY: seconds watched in this play (null for none)
 */
public record IncomingEvent(
    String eventId,
    UUID experimentId,
    UUID armId,
    UUID audienceGroupId,
    String viewerId,
    EventType type,
    Instant occurredAt,
    Integer watchedSeconds) {}
