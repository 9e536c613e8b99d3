package dev.marquee.webhook;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.outbound.GuardedHttpClient;
import dev.marquee.outbound.RefusedDestinationException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Administration of webhook subscriptions and their delivery log. */
@ApplicationScoped
@Transactional
public class WebhookSubscriptions {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_URL_LENGTH = 2000;

  @Inject WebhookRepository repository;
  @Inject WebhookOutbox outbox;
  @Inject GuardedHttpClient http;
  @Inject AuditLog audit;

  /** A new subscription and its signing secret, which is shown this once. */
  public record Created(WebhookSubscription subscription, String secret) {}

  public Created create(SubscriptionDraft draft, String actor) {
    validate(draft);
    String secret = newSecret();
    WebhookSubscription subscription =
        new WebhookSubscription(draft, secret, actor, AuditLog.now());
    repository.add(subscription);
    repository.flush();
    audit.record(
        actor,
        AuditAction.WEBHOOK_SUBSCRIPTION_CREATED,
        AuditTarget.WEBHOOK_SUBSCRIPTION,
        subscription.getId().toString(),
        "Created webhook subscription to " + subscription.getUrl(),
        Map.of(
            "eventTypes",
            subscription.getEventTypes().stream()
                .map(WebhookEventType::wireName)
                .sorted()
                .toList()));
    return new Created(subscription, secret);
  }

  public WebhookSubscription get(UUID id) {
    return repository
        .findSubscription(id)
        .orElseThrow(() -> new ResourceNotFoundException("No webhook subscription " + id));
  }

  public Page<WebhookSubscription> list(String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("webhook-subscriptions");
    List<WebhookSubscription> rows =
        repository.listSubscriptions(KeysetCursor.decode(cursor, fingerprint), size + 1);
    return Page.fromOverfetch(
        rows,
        size,
        last ->
            new KeysetCursor(fingerprint, last.getCreatedAt().toString(), last.getId()).encode());
  }

  public WebhookSubscription update(
      UUID id, long expectedVersion, SubscriptionDraft draft, String actor) {
    WebhookSubscription subscription = current(id, expectedVersion);
    validate(draft);
    subscription.apply(draft, AuditLog.now());
    repository.flush();
    audit.record(
        actor,
        AuditAction.WEBHOOK_SUBSCRIPTION_UPDATED,
        AuditTarget.WEBHOOK_SUBSCRIPTION,
        id.toString(),
        "Updated webhook subscription to " + subscription.getUrl(),
        Map.of("enabled", subscription.isEnabled()));
    return subscription;
  }

  public void delete(UUID id, Long expectedVersion, String actor) {
    WebhookSubscription subscription =
        expectedVersion == null ? get(id) : current(id, expectedVersion);
    String url = subscription.getUrl();
    repository.remove(subscription);
    audit.record(
        actor,
        AuditAction.WEBHOOK_SUBSCRIPTION_DELETED,
        AuditTarget.WEBHOOK_SUBSCRIPTION,
        id.toString(),
        "Deleted webhook subscription to " + url,
        null);
  }

  /** Queues a {@code webhook.test} message for this subscription only, enabled or not. */
  public WebhookMessage sendTest(UUID id, String actor) {
    WebhookSubscription subscription = get(id);
    return outbox.enqueue(
        subscription,
        WebhookEventType.TEST,
        Map.of("subscriptionId", id.toString(), "requestedBy", actor));
  }

  public Page<WebhookMessage> messages(UUID subscriptionId, String cursor, Integer limit) {
    get(subscriptionId);
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("webhook-messages\u0001" + subscriptionId);
    List<WebhookMessage> rows =
        repository.listMessages(subscriptionId, KeysetCursor.decode(cursor, fingerprint), size + 1);
    return Page.fromOverfetch(
        rows,
        size,
        last ->
            new KeysetCursor(fingerprint, last.getCreatedAt().toString(), last.getId()).encode());
  }

  public WebhookMessage message(UUID messageId) {
    return repository
        .findMessage(messageId)
        .orElseThrow(() -> new ResourceNotFoundException("No webhook message " + messageId));
  }

  public List<WebhookAttempt> attempts(UUID messageId) {
    message(messageId);
    return repository.attemptsOf(messageId);
  }

  /** Sends a delivered or dead message again from the first attempt; 409 while it is pending. */
  public WebhookMessage redeliver(UUID messageId, String actor) {
    WebhookMessage message = message(messageId);
    if (message.getStatus() == DeliveryStatus.PENDING) {
      throw new ResourceConflictException(
          "The message is still pending; it will be retried anyway");
    }
    message.redeliver(AuditLog.now());
    audit.record(
        actor,
        AuditAction.WEBHOOK_REDELIVERED,
        AuditTarget.WEBHOOK_SUBSCRIPTION,
        message.getSubscriptionId().toString(),
        "Redelivery of " + message.webhookId() + " (" + message.getEventType() + ")",
        null);
    return message;
  }

  private WebhookSubscription current(UUID id, long expectedVersion) {
    WebhookSubscription subscription = get(id);
    if (subscription.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "The subscription was changed since you read it", subscription.getVersion());
    }
    return subscription;
  }

  private void validate(SubscriptionDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    if (draft.url() == null) {
      errors.add(new FieldError("url", "is required"));
    } else if (draft.url().toString().length() > MAX_URL_LENGTH) {
      errors.add(new FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
    } else {
      try {
        http.checkDestination(draft.url());
      } catch (RefusedDestinationException e) {
        errors.add(new FieldError("url", e.getMessage()));
      }
    }
    if (draft.eventTypes() == null || draft.eventTypes().isEmpty()) {
      errors.add(new FieldError("eventTypes", "name at least one event type"));
    } else if (draft.eventTypes().stream().anyMatch(t -> !t.isSubscribable())) {
      errors.add(new FieldError("eventTypes", "webhook.test is sent on request only"));
    }
    if (draft.description() != null && draft.description().length() > 500) {
      errors.add(new FieldError("description", "must be at most 500 characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The webhook subscription is invalid", errors);
    }
  }

  private static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }
}
