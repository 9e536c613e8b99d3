package dev.marquee.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One try at delivering a message: the delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {
  @Id private UUID id;

  @Column(name = "message_id", nullable = false)
  private UUID messageId;

  @Column(name = "attempt_no", nullable = false)
  private int attemptNo;

  @Column(name = "attempted_at", nullable = false)
  private Instant attemptedAt;

  @Column(name = "duration_ms", nullable = false)
  private long durationMs;

  @Column(name = "status_code")
  private Integer statusCode;

  @Column(length = 500)
  private String error;

  protected WebhookAttempt() {}

  WebhookAttempt(
      UUID messageId,
      int attemptNo,
      Instant at,
      long durationMs,
      Integer statusCode,
      String error) {
    this.id = UUID.randomUUID();
    this.messageId = messageId;
    this.attemptNo = attemptNo;
    this.attemptedAt = at;
    this.durationMs = durationMs;
    this.statusCode = statusCode;
    this.error = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
  }

  public int getAttemptNo() {
    return attemptNo;
  }

  public Instant getAttemptedAt() {
    return attemptedAt;
  }

  public long getDurationMs() {
    return durationMs;
  }

  public Integer getStatusCode() {
    return statusCode;
  }

  public String getError() {
    return error;
  }
}
