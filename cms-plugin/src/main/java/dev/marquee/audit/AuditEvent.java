package dev.marquee.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One recorded change. Immutable once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
  static final int MAX_SUMMARY = 1000;

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 200)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 40)
  private AuditAction action;

  @Column(name = "target_type", nullable = false, length = 40)
  private String targetType;

  @Column(name = "target_id", nullable = false, length = 200)
  private String targetId;

  @Column(nullable = false, length = MAX_SUMMARY)
  private String summary;

  @Column(length = 1_000_000)
  private String details;

  protected AuditEvent() {}

  public AuditEvent(
      Instant occurredAt,
      String actor,
      AuditAction action,
      String targetType,
      String targetId,
      String summary,
      String details) {
    this.id = UUID.randomUUID();
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.targetType = targetType;
    this.targetId = targetId;
    this.summary = summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary;
    this.details = details;
  }

  public UUID getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public AuditAction getAction() {
    return action;
  }

  /** See {@link AuditTarget}. */
  public String getTargetType() {
    return targetType;
  }

  public String getTargetId() {
    return targetId;
  }

  public String getSummary() {
    return summary;
  }

  /** JSON: for updates {@code {"field":{"before":…,"after":…}}}, otherwise event specific. */
  public String getDetails() {
    return details;
  }
}
