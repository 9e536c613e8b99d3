package dev.marquee.webhook;

import dev.marquee.integration.WebhookSignature;
import dev.marquee.outbound.GuardedHttpClient;
import dev.marquee.outbound.RefusedDestinationException;
import dev.marquee.outbound.ResponseTooLargeException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers outbox messages: polls for due messages, claims each (so several nodes share the work
 * without sending twice at once), signs it per Standard Webhooks and posts it, then records the
 * outcome. Delivery is at least once: a node that dies after sending but before recording lets its
 * claim lapse and the message is sent again with the same {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDispatcher {
  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
  private static final int BATCH = 50;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject WebhookDeliveryStore store;
  @Inject GuardedHttpClient http;

  @Inject
  @ConfigProperty(name = "marquee.webhooks.poll-interval", defaultValue = "PT2S")
  Duration pollInterval;

  @Inject
  @ConfigProperty(name = "marquee.webhooks.retry-delays", defaultValue = RetrySchedule.DEFAULT)
  String retryDelays;

  /**
   * Longer than one call may take (the outbound client's total timeout), so claims never overlap.
   */
  @Inject
  @ConfigProperty(name = "marquee.webhooks.claim-lease", defaultValue = "PT60S")
  Duration lease;

  private RetrySchedule retry;
  private ScheduledFuture<?> polling;

  void start(@Observes Startup startup) {
    retry = RetrySchedule.parse(retryDelays);
    polling =
        scheduler.scheduleWithFixedDelay(
            this::dispatchDue,
            pollInterval.toMillis(),
            pollInterval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }

  /** One polling round; never throws, so the schedule keeps running. */
  void dispatchDue() {
    try {
      for (UUID id : store.due(BATCH)) {
        Optional<OutgoingMessage> claimed = store.claim(id, lease);
        if (claimed.isPresent()) {
          deliver(claimed.get());
        }
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook dispatch round failed; retrying next round", e);
    }
  }

  private void deliver(OutgoingMessage message) {
    Instant started = Instant.now();
    Integer status = null;
    String error = null;
    try {
      byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
      long timestamp = started.getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(message.url()))
              .header("Content-Type", "application/json")
              .header("User-Agent", "Marquee-Webhooks/1")
              .header(WebhookSignature.ID, message.webhookId())
              .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
              .header(
                  WebhookSignature.SIGNATURE,
                  new WebhookSignature(message.secret()).sign(message.webhookId(), timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      status = http.send(request).status();
      if (status / 100 != 2) {
        error = "HTTP " + status;
      }
    } catch (RefusedDestinationException | ResponseTooLargeException e) {
      error = e.getMessage();
    } catch (HttpTimeoutException e) {
      error = "timed out";
    } catch (IOException e) {
      error = "connection failed: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted by shutdown";
    } catch (IllegalArgumentException e) {
      error = "invalid URL";
    }
    long millis = Duration.between(started, Instant.now()).toMillis();
    DeliveryStatus outcome = store.record(message, started, millis, status, error, retry);
    if (outcome == DeliveryStatus.DEAD) {
      // Names the subscription and message, never the URL (it may carry tokens) or the secret.
      LOG.warning(
          "Webhook "
              + message.webhookId()
              + " for subscription "
              + message.subscriptionId()
              + " is dead after "
              + message.attemptNo()
              + " attempts: "
              + error);
    }
  }
}
