package dev.marquee.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditQuery;
import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.EntryStatus;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.tagging.TagSource;
import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import dev.marquee.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class InboundWebhookServiceTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private static InboundWebhookService service(TestServices s, Optional<String> secret) {
    return new InboundWebhookService(
        List.of(new MarqueeCatalogSource()),
        secret,
        s.catalog,
        s.tagging,
        new JpaProcessedWebhookRepository(s.jpa.entityManager()),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static WebhookReceipt deliver(
      TestServices s, InboundWebhookService service, String id, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers =
        Map.of(
            "webhook-id", List.of(id),
            "webhook-timestamp", List.of(String.valueOf(NOW.getEpochSecond())),
            "webhook-signature",
                List.of(new WebhookSignature(SECRET).sign(id, NOW.getEpochSecond(), body)));
    return s.tx(() -> service.receive(MarqueeCatalogSource.NAME, headers, body));
  }

  private static final String UPSERT =
      """
      {"type":"entry.upserted","entry":{"externalId":"tt0266697","kind":"MOVIE","title":"Kill Bill",
       "genres":["Action"],"tags":["CAST:Uma Thurman"]}}""";

  @BothDatabases
  void appliesUpsertsAndArchivesAndIgnoresReplays(TestDatabase db) {
    TestServices s = new TestServices(db);
    InboundWebhookService service = service(s, Optional.of(SECRET));

    WebhookReceipt created = deliver(s, service, "msg_1", UPSERT);
    assertThat(created).isEqualTo(new WebhookReceipt("msg_1", false, "CREATED", "tt0266697"));
    CatalogEntry entry = s.tx(() -> s.catalog.getByExternalId("tt0266697"));
    assertThat(entry.getCreatedBy()).isEqualTo("webhook:marquee");
    assertThat(entry.getGenres()).containsExactly("action");
    assertThat(s.tx(() -> s.tagging.tagsOf(entry.getId())))
        .singleElement()
        .satisfies(t -> assertThat(t.getSource()).isEqualTo(TagSource.IMPORTED));

    // the sender retries the same message after the entry was edited: nothing is re-applied
    s.tx(() -> s.catalog.update(entry.getId(), 0, CatalogServiceDrafts.renamed(), "editor"));
    WebhookReceipt replay = deliver(s, service, "msg_1", UPSERT);
    assertThat(replay.replayed()).isTrue();
    assertThat(s.tx(() -> s.catalog.get(entry.getId())).getTitle()).isEqualTo("Kill Bill (edited)");

    assertThat(
            deliver(s, service, "msg_2", UPSERT.replace("Kill Bill", "Kill Bill (edited)"))
                .outcome())
        .isEqualTo("UNCHANGED");
    assertThat(
            deliver(
                    s,
                    service,
                    "msg_3",
                    "{\"type\":\"entry.archived\",\"externalId\":\"tt0266697\"}")
                .outcome())
        .isEqualTo("ARCHIVED");
    assertThat(s.tx(() -> s.catalog.get(entry.getId())).getStatus())
        .isEqualTo(EntryStatus.ARCHIVED);
    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            new AuditQuery(null, null, "webhook:marquee", null, null, null),
                            null,
                            null))
                .items())
        .extracting(AuditEvent::getSummary)
        .hasSize(3);
  }

  @BothDatabases
  void refusesUnsignedUnknownDisabledAndInvalidDeliveries(TestDatabase db) {
    TestServices s = new TestServices(db);
    InboundWebhookService service = service(s, Optional.of(SECRET));
    byte[] body = UPSERT.getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> forged =
        Map.of(
            "webhook-id", List.of("msg_x"),
            "webhook-timestamp", List.of(String.valueOf(NOW.getEpochSecond())),
            "webhook-signature",
                List.of(
                    new WebhookSignature("whsec_b3RoZXI=")
                        .sign("msg_x", NOW.getEpochSecond(), body)));

    assertThatThrownBy(() -> s.tx(() -> service.receive("marquee", forged, body)))
        .isInstanceOf(WebhookAuthenticationException.class);
    assertThatThrownBy(() -> s.tx(() -> service.receive("acme-cms", forged, body)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () -> s.tx(() -> service(s, Optional.empty()).receive("marquee", forged, body)))
        .isInstanceOf(WebhookDisabledException.class);
    assertThatThrownBy(() -> deliver(s, service, "msg_4", "{\"type\":\"entry.deleted\"}"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                deliver(
                    s,
                    service,
                    "msg_5",
                    "{\"type\":\"entry.upserted\",\"entry\":{\"externalId\":\"x\",\"kind\":\"MOVIE\"}}"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("title"));
    // a rejected message was not marked as processed: once fixed, the same id is applied
    assertThat(deliver(s, service, "msg_5", UPSERT).outcome()).isEqualTo("CREATED");
  }

  /** Drafts used by the replay scenario. */
  static final class CatalogServiceDrafts {
    static dev.marquee.catalog.EntryDraft renamed() {
      return new dev.marquee.catalog.EntryDraft(
          "tt0266697",
          dev.marquee.catalog.EntryKind.MOVIE,
          null,
          "Kill Bill (edited)",
          null,
          null,
          List.of("action"),
          null,
          null,
          null);
    }
  }
}
