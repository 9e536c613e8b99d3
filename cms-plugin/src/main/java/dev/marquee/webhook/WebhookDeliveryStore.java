package dev.marquee.webhook;

import dev.marquee.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dispatcher's short transactions. HTTP calls happen between them, never inside one, so a slow
 * receiver holds no database connection or lock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class WebhookDeliveryStore {
  @Inject WebhookRepository repository;

  public List<UUID> due(int limit) {
    return repository.dueMessageIds(AuditLog.now(), limit);
  }

  /** Claims the message for {@code lease}; empty when another dispatcher got it first. */
  public Optional<OutgoingMessage> claim(UUID messageId, Duration lease) {
    Instant now = AuditLog.now();
    if (!repository.claim(messageId, now, now.plus(lease))) {
      return Optional.empty();
    }
    WebhookMessage message = repository.findMessage(messageId).orElseThrow();
    return repository
        .findSubscription(message.getSubscriptionId())
        .map(
            s ->
                new OutgoingMessage(
                    message.getId(),
                    s.getId(),
                    message.webhookId(),
                    s.getUrl(),
                    s.getSecret(),
                    message.getPayload(),
                    // Attempts are numbered across redeliveries, so the log keeps every one.
                    (int) repository.attemptCount(messageId) + 1));
  }

  /** Logs the attempt and moves the message on: delivered, retry later, or dead. */
  public DeliveryStatus record(
      OutgoingMessage sent,
      Instant at,
      long durationMs,
      Integer statusCode,
      String error,
      RetrySchedule retry) {
    Optional<WebhookMessage> found = repository.findMessage(sent.messageId());
    if (found.isEmpty()) {
      return DeliveryStatus.DEAD; // the subscription was deleted meanwhile
    }
    WebhookMessage message = found.get();
    repository.add(
        new WebhookAttempt(message.getId(), sent.attemptNo(), at, durationMs, statusCode, error));
    message.recordAttempt(statusCode, error, AuditLog.now(), retry);
    return message.getStatus();
  }
}
