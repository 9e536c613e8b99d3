package dev.marquee.audit;

import java.time.Instant;

/**
 * Filters of the audit log; all optional.
 *
 * @param since events at or after this instant
 * @param until events before this instant
 */
public record AuditQuery(
    String targetType,
    String targetId,
    String actor,
    AuditAction action,
    Instant since,
    Instant until) {

  public static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, null);
  }

  public static AuditQuery forTarget(String targetType, String targetId) {
    return new AuditQuery(targetType, targetId, null, null, null, null);
  }

  String canonical() {
    return String.join(
        "\u0001",
        String.valueOf(targetType),
        String.valueOf(targetId),
        String.valueOf(actor),
        String.valueOf(action),
        String.valueOf(since),
        String.valueOf(until));
  }
}
