package dev.marquee.experiment.events;

/**
 * What happened to one event of a batch.
 *
 * @param reason why it was rejected (null otherwise)
 */
public record EventOutcome(String eventId, Status status, String reason) {
  /** ACCEPTED: counted; DUPLICATE: its id was counted before; REJECTED: invalid, not counted. */
  public enum Status {
    ACCEPTED,
    DUPLICATE,
    REJECTED
  }

  static EventOutcome accepted(String id) {
    return new EventOutcome(id, Status.ACCEPTED, null);
  }

  static EventOutcome duplicate(String id) {
    return new EventOutcome(id, Status.DUPLICATE, null);
  }

  static EventOutcome rejected(String id, String reason) {
    return new EventOutcome(id, Status.REJECTED, reason);
  }
}
