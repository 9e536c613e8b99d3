package dev.marquee.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.audit.AuditLog;
import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import dev.marquee.testing.TestServices;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class WebhookOutboxTest {
  private static final RetrySchedule RETRY = RetrySchedule.parse("PT1S,PT2S");

  private static WebhookSubscription subscription(
      TestServices s, JpaWebhookRepository repo, Set<WebhookEventType> types, boolean enabled) {
    return s.tx(
        () -> {
          WebhookSubscription sub =
              new WebhookSubscription(
                  new SubscriptionDraft(
                      URI.create("https://cms.example.com/hook"), null, types, enabled),
                  "whsec_dGVzdA==",
                  "admin",
                  AuditLog.now());
          repo.add(sub);
          return sub;
        });
  }

  @BothDatabases
  void publishQueuesOneSignedEnvelopePerListeningEnabledSubscription(TestDatabase db)
      throws Exception {
    TestServices s = new TestServices(db);
    JpaWebhookRepository repo = new JpaWebhookRepository(s.jpa.entityManager());
    WebhookOutbox outbox = new WebhookOutbox();
    outbox.repository = repo;
    WebhookSubscription listening =
        subscription(s, repo, Set.of(WebhookEventType.ENTRY_CHANGED), true);

    WebhookSubscription other =
        subscription(s, repo, Set.of(WebhookEventType.PROMOTION_PUBLISHED), true);
    WebhookSubscription disabled =
        subscription(s, repo, Set.of(WebhookEventType.ENTRY_CHANGED), false);

    s.tx(() -> outbox.publish(WebhookEventType.ENTRY_CHANGED, Map.of("entryId", "e-1")));

    assertThat(s.tx(() -> repo.listMessages(other.getId(), null, 10))).isEmpty();
    assertThat(s.tx(() -> repo.listMessages(disabled.getId(), null, 10))).isEmpty();
    List<WebhookMessage> messages = s.tx(() -> repo.listMessages(listening.getId(), null, 10));
    assertThat(messages).hasSize(1);
    JsonNode payload = new ObjectMapper().readTree(messages.get(0).getPayload());
    assertThat(payload.path("type").asText()).isEqualTo("entry.changed");
    assertThat(payload.path("data").path("entryId").asText()).isEqualTo("e-1");
    assertThat(Instant.parse(payload.path("timestamp").asText())).isNotNull();
    assertThat(messages.get(0).webhookId()).startsWith("msg_").doesNotContain("-");
  }

  @BothDatabases
  void exactlyOneOfManyConcurrentDispatchersClaimsAMessage(TestDatabase db) throws Exception {
    TestServices s = new TestServices(db);
    JpaWebhookRepository repo = new JpaWebhookRepository(s.jpa.entityManager());
    WebhookSubscription sub = subscription(s, repo, Set.of(WebhookEventType.ENTRY_CHANGED), true);
    UUID id =
        s.tx(
            () -> {
              WebhookMessage m =
                  new WebhookMessage(
                      sub.getId(), WebhookEventType.ENTRY_CHANGED, "{}", AuditLog.now());
              repo.add(m);
              return m.getId();
            });

    int contenders = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    List<Future<Boolean>> claims = new ArrayList<>();
    try {
      for (int i = 0; i < contenders; i++) {
        Callable<Boolean> claim =
            () -> {
              start.await();
              Instant now = AuditLog.now();
              return s.tx(() -> repo.claim(id, now, now.plus(Duration.ofMinutes(1))));
            };
        claims.add(pool.submit(claim));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> claim : claims) {
        won += claim.get() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(s.tx(() -> repo.dueMessageIds(AuditLog.now(), 100)))
        .as("a claimed message is not due for others")
        .doesNotContain(id);
  }

  @BothDatabases
  void failedAttemptsBackOffThenDieAndRedeliveryStartsOver(TestDatabase db) {
    TestServices s = new TestServices(db);
    JpaWebhookRepository repo = new JpaWebhookRepository(s.jpa.entityManager());
    WebhookSubscription sub = subscription(s, repo, Set.of(WebhookEventType.ENTRY_CHANGED), true);
    UUID id =
        s.tx(
            () -> {
              WebhookMessage m =
                  new WebhookMessage(
                      sub.getId(), WebhookEventType.ENTRY_CHANGED, "{}", AuditLog.now());
              repo.add(m);
              return m.getId();
            });

    Instant t0 = AuditLog.now();
    s.tx(
        () -> {
          repo.findMessage(id).orElseThrow().recordAttempt(503, "HTTP 503", t0, RETRY);
          return null;
        });
    WebhookMessage afterFirst = s.tx(() -> repo.findMessage(id).orElseThrow());
    assertThat(afterFirst.getStatus()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(afterFirst.getNextAttemptAt()).isEqualTo(t0.plusSeconds(1));
    assertThat(s.tx(() -> repo.dueMessageIds(t0, 100)))
        .as("not due before its back-off")
        .doesNotContain(id);
    assertThat(s.tx(() -> repo.dueMessageIds(t0.plusSeconds(1), 100))).contains(id);

    s.tx(
        () -> {
          WebhookMessage m = repo.findMessage(id).orElseThrow();
          m.recordAttempt(null, "timed out", t0.plusSeconds(1), RETRY);
          m.recordAttempt(500, "HTTP 500", t0.plusSeconds(3), RETRY);
          return null;
        });
    WebhookMessage dead = s.tx(() -> repo.findMessage(id).orElseThrow());
    assertThat(dead.getStatus()).isEqualTo(DeliveryStatus.DEAD);
    assertThat(dead.getAttempts()).isEqualTo(RETRY.maxAttempts());
    assertThat(s.tx(() -> repo.dueMessageIds(t0.plusSeconds(3600), 100))).doesNotContain(id);

    Instant t1 = AuditLog.now();
    s.tx(
        () -> {
          WebhookMessage m = repo.findMessage(id).orElseThrow();
          m.redeliver(t1);
          m.recordAttempt(204, null, t1, RETRY);
          return null;
        });
    WebhookMessage delivered = s.tx(() -> repo.findMessage(id).orElseThrow());
    assertThat(delivered.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(delivered.getAttempts()).isEqualTo(1);
    assertThat(delivered.getDeliveredAt()).isEqualTo(t1);
  }

  @org.junit.jupiter.api.Test
  void retryScheduleFollowsTheConfiguredDelays() {
    RetrySchedule schedule = RetrySchedule.parse(RetrySchedule.DEFAULT);
    assertThat(schedule.maxAttempts()).isEqualTo(8);
    assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(5));
    assertThat(schedule.delayAfter(7)).contains(Duration.ofHours(10));
    assertThat(schedule.delayAfter(8)).isEmpty();
  }
}
