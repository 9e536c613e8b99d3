package dev.marquee.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditQuery;
import dev.marquee.audit.AuditTarget;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import dev.marquee.testing.TestServices;
import dev.marquee.webhook.JpaWebhookRepository;
import dev.marquee.webhook.SubscriptionDraft;
import dev.marquee.webhook.WebhookEventType;
import dev.marquee.webhook.WebhookMessage;
import dev.marquee.webhook.WebhookOutbox;
import dev.marquee.webhook.WebhookSubscription;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Promotions and artwork history on H2 and PostgreSQL, wired as CDI would wire them. */
class PromotionServiceTest {
  private static final String ERIN = "erin";
  private static final String PAULA = "paula";

  /** Everything the tests need on one fresh database. */
  private static final class World {
    final TestServices s;
    final Map<UUID, UUID> variantEntries = new HashMap<>();
    final UUID group = UUID.randomUUID();
    final PromotionService promotions;
    final ArtworkService artwork;
    final JpaWebhookRepository webhooks;
    final WebhookSubscription subscription;
    final UUID entry;
    final UUID variantA;
    final UUID variantB;

    World(TestDatabase db) {
      s = new TestServices(db);
      var em = s.jpa.entityManager();
      webhooks = new JpaWebhookRepository(em);
      WebhookOutbox outbox = new WebhookOutbox(webhooks);
      JpaArtworkRepository artworkRepo = new JpaArtworkRepository(em);
      PromotionTargets targets =
          new PromotionTargets(
              (variant, entry) -> entry.equals(variantEntries.get(variant)), group::equals);
      promotions =
          new PromotionService(
              new JpaPromotionRepository(em), artworkRepo, targets, s.audit, outbox);
      artwork = new ArtworkService(artworkRepo, s.audit, outbox);
      entry =
          s.tx(
                  () ->
                      s.catalog.create(
                          EntryDraft.of("tt0266697", EntryKind.MOVIE, "Kill Bill"), ERIN))
              .getId();
      variantA = variant(entry);
      variantB = variant(entry);
      subscription =
          s.tx(
              () -> {
                WebhookSubscription sub =
                    new WebhookSubscription(
                        new SubscriptionDraft(
                            URI.create("https://cdn.example.com/purge"),
                            null,
                            Set.of(
                                WebhookEventType.PROMOTION_PUBLISHED,
                                WebhookEventType.PROMOTION_ROLLED_BACK),
                            true),
                        "whsec_dGVzdA==",
                        "admin",
                        AuditLog.now());
                webhooks.add(sub);
                return sub;
              });
    }

    UUID variant(UUID ofEntry) {
      UUID id = UUID.randomUUID();
      variantEntries.put(id, ofEntry);
      return id;
    }

    Promotion propose(UUID variant, Audience audience, Instant publishAt) {
      return s.tx(
          () ->
              promotions.propose(
                  new PromotionDraft(entry, audience, variant, "  wins the pilot ", publishAt),
                  ERIN));
    }

    Promotion publishByHand(UUID variant, Audience audience) {
      Promotion p = propose(variant, audience, null);
      s.tx(() -> promotions.approve(p.getId(), null, null, PAULA));
      return s.tx(() -> promotions.publish(p.getId(), null, "go", PAULA));
    }

    List<JsonNode> webhookPayloads() {
      return s.tx(() -> webhooks.listMessages(subscription.getId(), null, 100)).stream()
          .map(WebhookMessage::getPayload)
          .map(PromotionServiceTest::json)
          .toList();
    }

    List<AuditEvent> audit(String targetType, String targetId) {
      return s.tx(() -> s.audit.query(AuditQuery.forTarget(targetType, targetId), null, 100))
          .items();
    }
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @BothDatabases
  void proposeApprovePublishAddsAVersionAuditsEveryStepAndQueuesTheWebhook(TestDatabase db) {
    World w = new World(db);
    Promotion proposed = w.propose(w.variantA, Audience.of(w.group), null);
    assertThat(proposed.getState()).isEqualTo(PromotionState.PROPOSED);
    assertThat(proposed.getReason()).isEqualTo("wins the pilot");

    Promotion approved =
        w.s.tx(() -> w.promotions.approve(proposed.getId(), 0L, " looks right ", PAULA));
    assertThat(approved.getState()).isEqualTo(PromotionState.APPROVED);
    assertThat(approved.getReviewedBy()).isEqualTo(PAULA);
    assertThat(approved.getReviewComment()).isEqualTo("looks right");

    Promotion published =
        w.s.tx(() -> w.promotions.publish(proposed.getId(), approved.getVersion(), null, PAULA));
    assertThat(published.getState()).isEqualTo(PromotionState.PUBLISHED);
    assertThat(published.getArtworkVersion()).isEqualTo(1);

    ArtworkVersion current = w.s.tx(() -> w.artwork.current(w.entry, Audience.of(w.group)));
    assertThat(current.getNumber()).isEqualTo(1);
    assertThat(current.getVariantId()).isEqualTo(w.variantA);
    assertThat(current.getPromotionId()).isEqualTo(proposed.getId());
    assertThat(current.getKind()).isEqualTo(ArtworkVersionKind.PUBLISH);
    assertThat(w.s.tx(() -> w.artwork.currentOfEntry(w.entry))).hasSize(1);

    assertThat(w.audit(AuditTarget.PROMOTION, proposed.getId().toString()))
        .extracting(AuditEvent::getAction, AuditEvent::getActor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AuditAction.PROMOTION_PUBLISHED, PAULA),
            org.assertj.core.groups.Tuple.tuple(AuditAction.PROMOTION_APPROVED, PAULA),
            org.assertj.core.groups.Tuple.tuple(AuditAction.PROMOTION_PROPOSED, ERIN));

    List<JsonNode> payloads = w.webhookPayloads();
    assertThat(payloads).hasSize(1);
    JsonNode data = payloads.get(0).path("data");
    assertThat(payloads.get(0).path("type").asText()).isEqualTo("promotion.published");
    assertThat(data.path("variantId").asText()).isEqualTo(w.variantA.toString());
    assertThat(data.path("audience").asText()).isEqualTo(w.group.toString());
    assertThat(data.path("artworkVersion").asInt()).isEqualTo(1);
    assertThat(data.path("publishedBy").asText()).isEqualTo(PAULA);
  }

  @BothDatabases
  void theProposerCannotApproveButAnotherPublisherCan(TestDatabase db) {
    World w = new World(db);
    Promotion p = w.propose(w.variantA, Audience.ALL, null);

    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.approve(p.getId(), null, null, ERIN)))
        .isInstanceOf(FourEyesViolationException.class)
        .hasMessageContaining(ERIN);
    assertThat(w.s.tx(() -> w.promotions.get(p.getId())).getState())
        .isEqualTo(PromotionState.PROPOSED);
    assertThat(w.s.tx(() -> w.promotions.approve(p.getId(), null, null, PAULA)).getState())
        .isEqualTo(PromotionState.APPROVED);
  }

  @BothDatabases
  void transitionsNotAllowedInTheCurrentStateAreConflictsAndWriteNothing(TestDatabase db) {
    World w = new World(db);
    Promotion p = w.propose(w.variantA, Audience.ALL, null);
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.publish(p.getId(), null, null, PAULA)))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("it is PROPOSED");
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.approve(p.getId(), 5L, null, PAULA)))
        .isInstanceOf(StaleVersionException.class);

    w.s.tx(() -> w.promotions.reject(p.getId(), null, "logo overlaps the title", PAULA));
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.approve(p.getId(), null, null, PAULA)))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("it is REJECTED");
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.reject(p.getId(), null, "again", PAULA)))
        .isInstanceOf(ResourceConflictException.class);

    Promotion live = w.publishByHand(w.variantB, Audience.ALL);
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.reject(live.getId(), null, "late", PAULA)))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("it is PUBLISHED");
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.publish(live.getId(), null, null, PAULA)))
        .isInstanceOf(ResourceConflictException.class);
    assertThat(w.s.tx(() -> w.artwork.current(w.entry, Audience.ALL)).getNumber())
        .as("the failed second publish added no version")
        .isEqualTo(1);
  }

  @BothDatabases
  void rejectingNeedsAReason(TestDatabase db) {
    World w = new World(db);
    Promotion p = w.propose(w.variantA, Audience.ALL, null);
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.reject(p.getId(), null, "  ", PAULA)))
        .isInstanceOf(InvalidInputException.class);
  }

  @BothDatabases
  void proposalsNameAVariantOfTheEntryAKnownAudienceAndAFutureTime(TestDatabase db) {
    World w = new World(db);
    UUID otherEntry =
        w.s
            .tx(() -> w.s.catalog.create(EntryDraft.of("tt1", EntryKind.MOVIE, "Other"), ERIN))
            .getId();
    UUID foreignVariant = w.variant(otherEntry);
    PromotionDraft bad =
        new PromotionDraft(
            w.entry,
            Audience.of(UUID.randomUUID()),
            foreignVariant,
            " ",
            AuditLog.now().minusSeconds(1));
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.propose(bad, ERIN)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "reason", "audienceGroupId", "variantId", "publishAt"));
    PromotionDraft unknown =
        new PromotionDraft(UUID.randomUUID(), Audience.ALL, w.variantA, "why", null);
    assertThatThrownBy(() -> w.s.tx(() -> w.promotions.propose(unknown, ERIN)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("entryId"));
  }

  @BothDatabases
  void rollbackAddsAVersionShowingTheEarlierVariantAuditedWithItsWebhook(TestDatabase db) {
    World w = new World(db);
    w.publishByHand(w.variantA, Audience.ALL);
    w.publishByHand(w.variantB, Audience.ALL);

    assertThatThrownBy(
            () ->
                w.s.tx(() -> w.artwork.rollBack(w.entry, Audience.ALL, 1, 1, "complaints", PAULA)))
        .as("If-Match names version 1, the current one is 2")
        .isInstanceOf(StaleVersionException.class);
    assertThatThrownBy(
            () -> w.s.tx(() -> w.artwork.rollBack(w.entry, Audience.ALL, 2, 2, "x", PAULA)))
        .isInstanceOf(InvalidInputException.class);

    ArtworkVersion v3 =
        w.s.tx(() -> w.artwork.rollBack(w.entry, Audience.ALL, 2, 1, " complaints ", PAULA));
    assertThat(v3.getNumber()).isEqualTo(3);
    assertThat(v3.getVariantId()).isEqualTo(w.variantA);
    assertThat(v3.getKind()).isEqualTo(ArtworkVersionKind.ROLLBACK);
    assertThat(v3.getRestoredVersion()).isEqualTo(1);
    assertThat(v3.getReason()).isEqualTo("complaints");

    assertThatThrownBy(
            () -> w.s.tx(() -> w.artwork.rollBack(w.entry, Audience.ALL, 3, 1, "again", PAULA)))
        .as("version 1's variant is already current")
        .isInstanceOf(ResourceConflictException.class);

    assertThat(w.s.tx(() -> w.artwork.history(w.entry, Audience.ALL, null, 2)).items())
        .extracting(ArtworkVersion::getNumber)
        .containsExactly(3, 2);
    var page = w.s.tx(() -> w.artwork.history(w.entry, Audience.ALL, null, 2));
    assertThat(w.s.tx(() -> w.artwork.history(w.entry, Audience.ALL, page.nextCursor(), 2)).items())
        .extracting(ArtworkVersion::getNumber)
        .containsExactly(1);

    List<AuditEvent> audit = w.audit(AuditTarget.ARTWORK, w.entry + "/all");
    assertThat(audit)
        .extracting(AuditEvent::getAction)
        .containsExactly(AuditAction.ARTWORK_ROLLED_BACK);
    assertThat(json(audit.get(0).getDetails()).path("reason").asText()).isEqualTo("complaints");
    List<JsonNode> payloads = w.webhookPayloads();
    assertThat(payloads)
        .extracting(p -> p.path("type").asText())
        .containsExactlyInAnyOrder(
            "promotion.published", "promotion.published", "promotion.rolled_back");
    JsonNode rolledBack =
        payloads.stream()
            .filter(p -> p.path("type").asText().equals("promotion.rolled_back"))
            .findFirst()
            .orElseThrow()
            .path("data");
    assertThat(rolledBack.path("artworkVersion").asInt()).isEqualTo(3);
    assertThat(rolledBack.path("restoredVersion").asInt()).isEqualTo(1);
    assertThat(rolledBack.path("variantId").asText()).isEqualTo(w.variantA.toString());
    assertThat(rolledBack.path("previousVariantId").asText()).isEqualTo(w.variantB.toString());
  }

  @BothDatabases
  void exactlyOneOfManyConcurrentSchedulersPublishesADuePromotion(TestDatabase db)
      throws Exception {
    World w = new World(db);
    Promotion p = w.propose(w.variantA, Audience.ALL, AuditLog.now().plusSeconds(2));
    w.s.tx(() -> w.promotions.approve(p.getId(), null, null, PAULA));
    assertThat(w.s.tx(() -> w.promotions.due(10))).as("not due yet").isEmpty();
    assertThat(w.s.tx(() -> w.promotions.publishIfDue(p.getId()))).isFalse();
    Thread.sleep(Math.max(0, p.getPublishAt().toEpochMilli() - System.currentTimeMillis() + 50));
    assertThat(w.s.tx(() -> w.promotions.due(10))).containsExactly(p.getId());

    int contenders = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(contenders);
    List<Future<Boolean>> runs = new ArrayList<>();
    try {
      for (int i = 0; i < contenders; i++) {
        Callable<Boolean> run =
            () -> {
              start.await();
              return w.s.tx(() -> w.promotions.publishIfDue(p.getId()));
            };
        runs.add(pool.submit(run));
      }
      start.countDown();
      int published = 0;
      for (Future<Boolean> run : runs) {
        published += run.get() ? 1 : 0;
      }
      assertThat(published).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    Promotion after = w.s.tx(() -> w.promotions.get(p.getId()));
    assertThat(after.getState()).isEqualTo(PromotionState.PUBLISHED);
    assertThat(after.getPublishedBy()).isEqualTo(PromotionService.SCHEDULER);
    assertThat(w.s.tx(() -> w.artwork.history(w.entry, Audience.ALL, null, 10)).items()).hasSize(1);
    assertThat(w.webhookPayloads()).hasSize(1);
    assertThat(w.s.tx(() -> w.promotions.due(10))).isEmpty();
  }

  @BothDatabases
  void anExperimentSetToAutoPublishPublishesWithoutASecondPerson(TestDatabase db) {
    World w = new World(db);
    UUID experiment = UUID.randomUUID();
    UUID arm = UUID.randomUUID();
    Map<String, Object> stats = Map.of("winner", "close-up", "pBest", 0.97);
    Promotion auto =
        w.s.tx(
            () ->
                w.promotions.proposeFromExperiment(
                    new ExperimentProposal(
                        w.entry,
                        Audience.of(w.group),
                        w.variantB,
                        "arm close-up won",
                        experiment,
                        arm,
                        stats,
                        true),
                    ERIN));
    assertThat(auto.getState()).isEqualTo(PromotionState.PUBLISHED);
    assertThat(auto.getReviewedBy()).isEqualTo(PromotionService.AUTO_PUBLISH);
    assertThat(json(auto.getStatistics()).path("pBest").asDouble()).isEqualTo(0.97);
    assertThat(w.s.tx(() -> w.artwork.current(w.entry, Audience.of(w.group))).getVariantId())
        .isEqualTo(w.variantB);

    Promotion waiting =
        w.s.tx(
            () ->
                w.promotions.proposeFromExperiment(
                    new ExperimentProposal(
                        w.entry,
                        Audience.ALL,
                        w.variantA,
                        "arm A won",
                        experiment,
                        arm,
                        stats,
                        false),
                    ERIN));
    assertThat(waiting.getState()).isEqualTo(PromotionState.PROPOSED);
    List<AuditEvent> audit = w.audit(AuditTarget.PROMOTION, waiting.getId().toString());
    assertThat(json(audit.get(0).getDetails()).path("statistics").path("winner").asText())
        .isEqualTo("close-up");
  }
}
