package dev.marquee.webhook.web;

import dev.marquee.api.model.WebhookAttempt;
import dev.marquee.api.model.WebhookEventType;
import dev.marquee.api.model.WebhookMessage;
import dev.marquee.api.model.WebhookSubscription;
import dev.marquee.api.model.WebhookSubscriptionWrite;
import dev.marquee.webhook.SubscriptionDraft;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Maps webhook DTOs of the API to the domain and back. */
final class WebhookMapper {
  private WebhookMapper() {}

  static SubscriptionDraft toDraft(WebhookSubscriptionWrite body) {
    Set<dev.marquee.webhook.WebhookEventType> types =
        EnumSet.noneOf(dev.marquee.webhook.WebhookEventType.class);
    if (body.getEventTypes() != null) {
      body.getEventTypes().forEach(t -> types.add(eventTypeOf(t)));
    }
    URI url = body.getUrl();
    return new SubscriptionDraft(
        url, body.getDescription(), types, body.getEnabled() == null || body.getEnabled());
  }

  static WebhookSubscription toDto(dev.marquee.webhook.WebhookSubscription s) {
    Set<WebhookEventType> types = new LinkedHashSet<>();
    s.getEventTypes().stream().map(WebhookMapper::toDto).forEach(types::add);
    return new WebhookSubscription()
        .id(s.getId())
        .url(URI.create(s.getUrl()))
        .description(s.getDescription())
        .eventTypes(List.copyOf(types))
        .enabled(s.isEnabled())
        .createdBy(s.getCreatedBy())
        .createdAt(time(s.getCreatedAt()))
        .updatedAt(time(s.getUpdatedAt()));
  }

  static WebhookMessage toDto(dev.marquee.webhook.WebhookMessage m) {
    return new WebhookMessage()
        .id(m.getId())
        .webhookId(m.webhookId())
        .subscriptionId(m.getSubscriptionId())
        .eventType(WebhookEventType.fromValue(m.getEventType()))
        .status(WebhookMessage.StatusEnum.fromValue(m.getStatus().name()))
        .attempts(m.getAttempts())
        .lastStatus(m.getLastStatus())
        .lastError(m.getLastError())
        .createdAt(time(m.getCreatedAt()))
        .nextAttemptAt(time(m.getNextAttemptAt()))
        .deliveredAt(time(m.getDeliveredAt()))
        .payload(m.getPayload());
  }

  static WebhookAttempt toDto(dev.marquee.webhook.WebhookAttempt a) {
    return new WebhookAttempt()
        .attempt(a.getAttemptNo())
        .attemptedAt(time(a.getAttemptedAt()))
        .durationMs(a.getDurationMs())
        .statusCode(a.getStatusCode())
        .error(a.getError());
  }

  private static dev.marquee.webhook.WebhookEventType eventTypeOf(WebhookEventType type) {
    return dev.marquee.webhook.WebhookEventType.fromWireName(type.toString()).orElseThrow();
  }

  private static WebhookEventType toDto(dev.marquee.webhook.WebhookEventType type) {
    return WebhookEventType.fromValue(type.wireName());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
