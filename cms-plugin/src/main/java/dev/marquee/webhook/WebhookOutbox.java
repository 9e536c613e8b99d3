package dev.marquee.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transactional outbox: other features publish events here inside the transaction of their
 * change; one message per listening subscription is written in that same transaction and the {@link
 * WebhookDispatcher} delivers it after commit. A rolled-back change sends nothing.
 */
@ApplicationScoped
public class WebhookOutbox {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject WebhookRepository repository;

  protected WebhookOutbox() {}

  /** For use outside a container. */
  public WebhookOutbox(WebhookRepository repository) {
    this.repository = repository;
  }

  /**
   * Queues the event for every enabled subscription that listens to its type.
   *
   * @param data the event's {@code data} object, JSON-serialisable
   * @return how many messages were queued
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int publish(WebhookEventType type, Map<String, ?> data) {
    Instant now = AuditLog.now();
    int queued = 0;
    for (WebhookSubscription subscription : repository.enabledSubscriptions()) {
      if (subscription.getEventTypes().contains(type)) {
        repository.add(
            new WebhookMessage(subscription.getId(), type, envelope(type, data, now), now));
        queued++;
      }
    }
    return queued;
  }

  /** Queues one message for one subscription regardless of its types (the test event). */
  @Transactional(Transactional.TxType.MANDATORY)
  WebhookMessage enqueue(
      WebhookSubscription subscription, WebhookEventType type, Map<String, ?> data) {
    Instant now = AuditLog.now();
    WebhookMessage message =
        new WebhookMessage(subscription.getId(), type, envelope(type, data, now), now);
    repository.add(message);
    return message;
  }

  /** The Standard Webhooks payload shape: {@code type}, {@code timestamp}, {@code data}. */
  static String envelope(WebhookEventType type, Map<String, ?> data, Instant now) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", type.wireName());
    payload.put("timestamp", now.toString());
    payload.put("data", data);
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("webhook data must be JSON-serialisable", e);
    }
  }
}
