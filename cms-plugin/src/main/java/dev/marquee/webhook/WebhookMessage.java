package dev.marquee.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one subscription: a row of the transactional outbox, written in the transaction of
 * the change it reports, so a committed change is always delivered eventually (at least once; the
 * id is the {@code webhook-id} receivers deduplicate on).
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage {
  @Id private UUID id;

  @Column(name = "subscription_id", nullable = false)
  private UUID subscriptionId;

  @Column(name = "event_type", nullable = false, length = 40)
  private String eventType;

  @Column(nullable = false, length = 1_000_000)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DeliveryStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Version private long version;

  protected WebhookMessage() {}

  WebhookMessage(UUID subscriptionId, WebhookEventType type, String payload, Instant now) {
    this.id = UUID.randomUUID();
    this.subscriptionId = subscriptionId;
    this.eventType = type.wireName();
    this.payload = payload;
    this.status = DeliveryStatus.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** Records an attempt's outcome and schedules the next one from {@code retry}. */
  void recordAttempt(Integer statusCode, String error, Instant now, RetrySchedule retry) {
    attempts++;
    lastStatus = statusCode;
    lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
    claimedUntil = null;
    if (statusCode != null && statusCode / 100 == 2) {
      status = DeliveryStatus.DELIVERED;
      deliveredAt = now;
      return;
    }
    retry
        .delayAfter(attempts)
        .ifPresentOrElse(
            delay -> nextAttemptAt = now.plus(delay), () -> status = DeliveryStatus.DEAD);
  }

  /** Sends the message again from scratch (after a dead letter, or on request). */
  void redeliver(Instant now) {
    status = DeliveryStatus.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    claimedUntil = null;
  }

  public String webhookId() {
    return "msg_" + id.toString().replace("-", "");
  }

  public UUID getId() {
    return id;
  }

  public UUID getSubscriptionId() {
    return subscriptionId;
  }

  public String getEventType() {
    return eventType;
  }

  public String getPayload() {
    return payload;
  }

  public DeliveryStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Integer getLastStatus() {
    return lastStatus;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }
}
