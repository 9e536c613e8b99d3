package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing through the deployed API: propose → approve (four eyes) → publish, rejection, every
 * invalid transition (409), scheduled publishing, the artwork history and rollback, and the audit
 * events and webhook outbox rows each step leaves.
 */
@ExtendWith(ArquillianExtension.class)
class PromotionsIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private WebhookSink sink;

  @BeforeEach
  void startSink() throws IOException {
    sink = new WebhookSink();
  }

  @AfterEach
  void stopSink() {
    sink.close();
  }

  private ApiClient as(String user) {
    return ApiClient.anonymous(base).as(user);
  }

  /** An entry with two rendered variants. */
  private RenderingFixtures.TwoVariants entryWithTwoVariants(String suffix) {
    return RenderingFixtures.entryWithTwoVariants(as("editor"), "promo-" + suffix + "-" + RUN);
  }

  private String audienceGroup(String suffix) {
    Map<String, Object> g = new HashMap<>();
    g.put("name", "Promo " + suffix + " " + RUN);
    g.put("rules", List.of(Map.of("apps", List.of("app-" + suffix + "-" + RUN))));
    ApiClient.Reply r = as("experimenter").postJson("api/v1/audience-groups", g);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private static Map<String, Object> proposal(String entry, String variant, String group) {
    Map<String, Object> p = new HashMap<>();
    p.put("entryId", entry);
    p.put("variantId", variant);
    p.put("reason", "Wins the pilot");
    if (group != null) {
      p.put("audienceGroupId", group);
    }
    return p;
  }

  private JsonNode propose(String user, Map<String, Object> body) {
    ApiClient.Reply r = as(user).postJson("api/v1/promotions", body);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    assertThat(r.header("ETag")).isEqualTo("\"0\"");
    assertThat(r.header("Location")).endsWith("/api/v1/promotions/" + r.json().path("id").asText());
    assertThat(r.json().path("state").asText()).isEqualTo("PROPOSED");
    return r.json();
  }

  private ApiClient.Reply act(String user, String path, String ifMatch, Object body) {
    HttpRequest.Builder b =
        as(user).request("api/v1/" + path).header("Content-Type", "application/json");
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    try {
      return as(user)
          .send(
              b.POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      body == null ? new byte[0] : JSON.writeValueAsBytes(body))));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A promotion action with the current ETag, expected to succeed. */
  private JsonNode transition(String user, String id, String action, Object body) {
    String etag = as(user).get("api/v1/promotions/" + id).header("ETag");
    ApiClient.Reply r = act(user, "promotions/" + id + "/" + action, etag, body);
    assertThat(r.status()).as("%s %s", action, r).isEqualTo(200);
    assertThat(r.header("ETag")).isEqualTo("\"" + r.json().path("version").asLong() + "\"");
    return r.json();
  }

  private String subscribe(List<String> types) {
    ApiClient.Reply r =
        as("administrator")
            .postJson(
                "api/v1/webhook-subscriptions",
                Map.of(
                    "url",
                    sink.url(),
                    "eventTypes",
                    types,
                    "description",
                    "promotions IT (outbox rows only)"));
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("subscription").path("id").asText();
  }

  /** The queued webhook payloads of the subscription about this entry. */
  private List<JsonNode> outbox(String subscriptionId, String entry) throws IOException {
    List<JsonNode> payloads = new ArrayList<>();
    for (JsonNode item :
        as("administrator")
            .get("api/v1/webhook-subscriptions/" + subscriptionId + "/messages?limit=200")
            .json()
            .path("items")) {
      JsonNode message =
          as("administrator").get("api/v1/webhook-messages/" + item.path("id").asText()).json();
      JsonNode payload = JSON.readTree(message.path("payload").asText());
      if (payload.path("data").path("entryId").asText().equals(entry)) {
        payloads.add(payload);
      }
    }
    return payloads;
  }

  private List<String> auditActions(String targetType, String targetId) {
    return as("publisher")
        .get("api/v1/audit-events?targetType=" + targetType + "&targetId=" + targetId)
        .json()
        .path("items")
        .findValuesAsText("action");
  }

  @Test
  void proposeApprovePublishWithFourEyesAuditAndWebhook() throws Exception {
    RenderingFixtures.TwoVariants f = entryWithTwoVariants("flow");
    String group = audienceGroup("flow");
    String subscription = subscribe(List.of("promotion.published", "promotion.rolled_back"));

    JsonNode p = propose("experimenter", proposal(f.entry(), f.first(), group));
    String id = p.path("id").asText();
    assertThat(p.path("audience").asText()).isEqualTo(group);
    assertThat(p.path("proposedBy").asText()).isEqualTo("experimenter");
    ApiClient.Reply read = as("editor").get("api/v1/promotions/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    assertThat(read.json().path("reason").asText()).isEqualTo("Wins the pilot");

    // only publishers review; PROPOSED cannot be published yet
    assertProblem(act("experimenter", "promotions/" + id + "/approve", "\"0\"", null), 403);
    JsonNode early =
        assertProblem(act("publisher", "promotions/" + id + "/publish", "\"0\"", null), 409);
    assertThat(early.path("detail").asText()).contains("PROPOSED");
    assertProblem(act("publisher", "promotions/" + id + "/approve", null, null), 428);
    assertProblem(act("publisher", "promotions/" + id + "/approve", "\"7\"", null), 412);

    JsonNode approved = transition("publisher", id, "approve", Map.of("comment", "Checked on TV"));
    assertThat(approved.path("state").asText()).isEqualTo("APPROVED");
    assertThat(approved.path("reviewedBy").asText()).isEqualTo("publisher");
    assertThat(approved.path("reviewComment").asText()).isEqualTo("Checked on TV");
    assertProblem(act("publisher", "promotions/" + id + "/approve", "*", null), 409);

    JsonNode published = transition("publisher", id, "publish", null);
    assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
    assertThat(published.path("artworkVersion").asInt()).isEqualTo(1);
    assertThat(published.path("publishedBy").asText()).isEqualTo("publisher");
    assertProblem(act("publisher", "promotions/" + id + "/publish", "*", null), 409);
    assertProblem(
        act("publisher", "promotions/" + id + "/reject", "*", Map.of("comment", "late")), 409);

    ApiClient.Reply artwork = as("editor").get("api/v1/entries/" + f.entry() + "/artwork/" + group);
    assertThat(artwork.status()).as("%s", artwork).isEqualTo(200);
    assertThat(artwork.header("ETag")).isEqualTo("\"1\"");
    assertThat(artwork.json().path("variantId").asText()).isEqualTo(f.first());
    assertThat(artwork.json().path("promotionId").asText()).isEqualTo(id);
    assertProblem(as("editor").get("api/v1/entries/" + f.entry() + "/artwork/all"), 404);

    // four eyes: a publisher's own proposal needs another publisher
    JsonNode own = propose("publisher", proposal(f.entry(), f.second(), null));
    JsonNode fourEyes =
        assertProblem(
            act("publisher", "promotions/" + own.path("id").asText() + "/approve", "\"0\"", null),
            403);
    assertThat(fourEyes.path("type").asText()).isEqualTo("https://marquee.dev/problems/four-eyes");
    assertThat(
            as("publisher")
                .get("api/v1/promotions/" + own.path("id").asText())
                .json()
                .path("state")
                .asText())
        .isEqualTo("PROPOSED");

    assertThat(auditActions("PROMOTION", id))
        .containsExactly("PROMOTION_PUBLISHED", "PROMOTION_APPROVED", "PROMOTION_PROPOSED");
    JsonNode proposedEvent =
        as("publisher")
            .get(
                "api/v1/audit-events?targetType=PROMOTION&targetId="
                    + id
                    + "&action=PROMOTION_PROPOSED")
            .json()
            .path("items")
            .get(0);
    assertThat(proposedEvent.path("actor").asText()).isEqualTo("experimenter");
    assertThat(proposedEvent.path("details").path("reason").asText()).isEqualTo("Wins the pilot");

    List<JsonNode> webhooks = outbox(subscription, f.entry());
    assertThat(webhooks).hasSize(1);
    assertThat(webhooks.get(0).path("type").asText()).isEqualTo("promotion.published");
    JsonNode data = webhooks.get(0).path("data");
    assertThat(data.path("promotionId").asText()).isEqualTo(id);
    assertThat(data.path("variantId").asText()).isEqualTo(f.first());
    assertThat(data.path("audience").asText()).isEqualTo(group);
    assertThat(data.path("artworkVersion").asInt()).isEqualTo(1);

    JsonNode listed =
        as("editor")
            .get("api/v1/promotions?entryId=" + f.entry() + "&state=PUBLISHED")
            .json()
            .path("items");
    assertThat(listed.findValuesAsText("id")).containsExactly(id);
    JsonNode byAudience =
        as("editor").get("api/v1/promotions?entryId=" + f.entry() + "&audience=all").json();
    assertThat(byAudience.path("items").findValuesAsText("id"))
        .containsExactly(own.path("id").asText());
    ApiClient.Reply firstPage =
        as("editor").get("api/v1/promotions?entryId=" + f.entry() + "&limit=1");
    assertThat(firstPage.json().path("items")).hasSize(1);
    assertThat(firstPage.header("Link")).contains("rel=\"next\"");
    JsonNode secondPage =
        as("editor")
            .get(
                "api/v1/promotions?entryId="
                    + f.entry()
                    + "&limit=1&cursor="
                    + firstPage.json().path("nextCursor").asText())
            .json();
    assertThat(secondPage.path("items").findValuesAsText("id"))
        .containsExactly(id)
        .doesNotContainAnyElementsOf(firstPage.json().path("items").findValuesAsText("id"));
    assertProblem(as("editor").get("api/v1/promotions?audience=everyone"), 400);
  }

  @Test
  void rejectionNeedsAReasonAndIsFinal() {
    RenderingFixtures.TwoVariants f = entryWithTwoVariants("reject");
    String id = propose("experimenter", proposal(f.entry(), f.first(), null)).path("id").asText();
    assertFieldError(
        act("publisher", "promotions/" + id + "/reject", "\"0\"", Map.of()), "comment");
    JsonNode rejected =
        transition("publisher", id, "reject", Map.of("comment", "Logo overlaps the title"));
    assertThat(rejected.path("state").asText()).isEqualTo("REJECTED");
    assertThat(rejected.path("reviewComment").asText()).isEqualTo("Logo overlaps the title");
    assertProblem(act("publisher", "promotions/" + id + "/approve", "*", null), 409);
    assertProblem(act("publisher", "promotions/" + id + "/publish", "*", null), 409);
    assertProblem(
        act("publisher", "promotions/" + id + "/reject", "*", Map.of("comment", "again")), 409);

    String approvedId =
        propose("experimenter", proposal(f.entry(), f.second(), null)).path("id").asText();
    transition("publisher", approvedId, "approve", null);
    assertThat(
            transition("publisher", approvedId, "reject", Map.of("comment", "Campaign cancelled"))
                .path("state")
                .asText())
        .isEqualTo("REJECTED");
    assertThat(auditActions("PROMOTION", approvedId))
        .containsExactly("PROMOTION_REJECTED", "PROMOTION_APPROVED", "PROMOTION_PROPOSED");
    assertProblem(as("editor").get("api/v1/entries/" + f.entry() + "/artwork/all"), 404);
    assertThat(as("editor").get("api/v1/entries/" + f.entry() + "/artwork").json().path("items"))
        .isEmpty();
  }

  @Test
  void proposalsAreValidated() {
    RenderingFixtures.TwoVariants f = entryWithTwoVariants("valid");
    RenderingFixtures.TwoVariants other = entryWithTwoVariants("other");
    assertFieldError(
        as("experimenter").postJson("api/v1/promotions", proposal(f.entry(), other.first(), null)),
        "variantId");
    assertFieldError(
        as("experimenter")
            .postJson(
                "api/v1/promotions", proposal(f.entry(), f.first(), UUID.randomUUID().toString())),
        "audienceGroupId");
    assertFieldError(
        as("experimenter")
            .postJson("api/v1/promotions", proposal(UUID.randomUUID().toString(), f.first(), null)),
        "entryId");
    Map<String, Object> past = proposal(f.entry(), f.first(), null);
    past.put("publishAt", "2020-01-01T00:00:00Z");
    assertFieldError(as("experimenter").postJson("api/v1/promotions", past), "publishAt");
    Map<String, Object> blank = proposal(f.entry(), f.first(), null);
    blank.put("reason", "   ");
    assertFieldError(as("experimenter").postJson("api/v1/promotions", blank), "reason");
    assertProblem(
        as("editor").postJson("api/v1/promotions", proposal(f.entry(), f.first(), null)), 403);
    assertProblem(as("editor").get("api/v1/promotions/" + UUID.randomUUID()), 404);
    assertThat(as("editor").get("api/v1/promotions?entryId=" + f.entry()).json().path("items"))
        .as("nothing half-written")
        .isEmpty();
  }

  @Test
  void anApprovedPromotionIsPublishedByTheSchedulerAtItsTime() throws Exception {
    RenderingFixtures.TwoVariants f = entryWithTwoVariants("schedule");
    Map<String, Object> body = proposal(f.entry(), f.second(), null);
    body.put("publishAt", Instant.now().plusSeconds(4).toString());
    String id = propose("experimenter", body).path("id").asText();
    transition("publisher", id, "approve", null);
    assertThat(as("editor").get("api/v1/promotions/" + id).json().path("state").asText())
        .as("not before its time")
        .isEqualTo("APPROVED");

    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
    JsonNode promotion;
    do {
      Thread.sleep(500);
      promotion = as("editor").get("api/v1/promotions/" + id).json();
    } while (!promotion.path("state").asText().equals("PUBLISHED")
        && Instant.now().isBefore(deadline));
    assertThat(promotion.path("state").asText()).as("%s", promotion).isEqualTo("PUBLISHED");
    assertThat(promotion.path("publishedBy").asText()).isEqualTo("scheduler");
    assertThat(Instant.parse(promotion.path("publishedAt").asText()))
        .isAfterOrEqualTo(Instant.parse(promotion.path("publishAt").asText()));
    JsonNode artwork = as("editor").get("api/v1/entries/" + f.entry() + "/artwork").json();
    assertThat(artwork.path("items")).hasSize(1);
    assertThat(artwork.path("items").get(0).path("variantId").asText()).isEqualTo(f.second());
    assertThat(artwork.path("items").get(0).path("audience").asText()).isEqualTo("all");
    JsonNode event =
        as("publisher")
            .get(
                "api/v1/audit-events?targetType=PROMOTION&targetId="
                    + id
                    + "&action=PROMOTION_PUBLISHED")
            .json()
            .path("items")
            .get(0);
    assertThat(event.path("actor").asText()).isEqualTo("scheduler");
    assertThat(event.path("details").path("approvedBy").asText()).isEqualTo("publisher");
  }

  @Test
  void rollbackRestoresAnEarlierVersionAsANewOneAuditedWithItsWebhook() throws Exception {
    RenderingFixtures.TwoVariants f = entryWithTwoVariants("rollback");
    String subscription = subscribe(List.of("promotion.rolled_back"));
    for (String variant : List.of(f.first(), f.second())) {
      String id = propose("experimenter", proposal(f.entry(), variant, null)).path("id").asText();
      transition("publisher", id, "approve", null);
      transition("publisher", id, "publish", null);
    }
    String path = "entries/" + f.entry() + "/artwork/all/rollback";
    Map<String, Object> toOne = Map.of("toVersion", 1, "reason", "Viewers complained");

    assertProblem(act("publisher", path, null, toOne), 428);
    assertProblem(act("publisher", path, "\"1\"", toOne), 412);
    assertProblem(act("experimenter", path, "\"2\"", toOne), 403);
    assertFieldError(
        act("publisher", path, "\"2\"", Map.of("toVersion", 2, "reason", "same")), "toVersion");
    assertFieldError(
        act("publisher", path, "\"2\"", Map.of("toVersion", 1, "reason", " ")), "reason");

    ApiClient.Reply rolledBack = act("publisher", path, "\"2\"", toOne);
    assertThat(rolledBack.status()).as("%s", rolledBack).isEqualTo(200);
    assertThat(rolledBack.header("ETag")).isEqualTo("\"3\"");
    JsonNode v3 = rolledBack.json();
    assertThat(v3.path("number").asInt()).isEqualTo(3);
    assertThat(v3.path("kind").asText()).isEqualTo("ROLLBACK");
    assertThat(v3.path("restoredVersion").asInt()).isEqualTo(1);
    assertThat(v3.path("variantId").asText()).isEqualTo(f.first());
    assertThat(v3.path("publishedBy").asText()).isEqualTo("publisher");
    assertProblem(act("publisher", path, "\"3\"", toOne), 409);

    ApiClient.Reply history =
        as("editor").get("api/v1/entries/" + f.entry() + "/artwork/all/versions?limit=2");
    assertThat(history.json().path("items").findValuesAsText("number")).containsExactly("3", "2");
    assertThat(history.header("Link")).contains("rel=\"next\"");
    JsonNode rest =
        as("editor")
            .get(
                "api/v1/entries/"
                    + f.entry()
                    + "/artwork/all/versions?limit=2&cursor="
                    + history.json().path("nextCursor").asText())
            .json();
    assertThat(rest.path("items").findValuesAsText("number")).containsExactly("1");
    assertThat(rest.path("items").get(0).path("variantId").asText()).isEqualTo(f.first());
    assertThat(as("editor").get("api/v1/entries/" + f.entry() + "/artwork/all").header("ETag"))
        .isEqualTo("\"3\"");
    assertProblem(as("editor").get("api/v1/entries/" + UUID.randomUUID() + "/artwork"), 404);
    assertProblem(as("editor").get("api/v1/entries/" + f.entry() + "/artwork/everyone"), 400);

    JsonNode audit =
        as("publisher")
            .get("api/v1/audit-events?targetType=ARTWORK&targetId=" + f.entry() + "/all")
            .json()
            .path("items");
    assertThat(audit.findValuesAsText("action")).containsExactly("ARTWORK_ROLLED_BACK");
    assertThat(audit.get(0).path("actor").asText()).isEqualTo("publisher");
    assertThat(audit.get(0).path("details").path("reason").asText())
        .isEqualTo("Viewers complained");

    List<JsonNode> webhooks = outbox(subscription, f.entry());
    assertThat(webhooks).hasSize(1);
    assertThat(webhooks.get(0).path("type").asText()).isEqualTo("promotion.rolled_back");
    JsonNode data = webhooks.get(0).path("data");
    assertThat(data.path("artworkVersion").asInt()).isEqualTo(3);
    assertThat(data.path("restoredVersion").asInt()).isEqualTo(1);
    assertThat(data.path("variantId").asText()).isEqualTo(f.first());
    assertThat(data.path("previousVariantId").asText()).isEqualTo(f.second());
    assertThat(data.path("rolledBackBy").asText()).isEqualTo("publisher");
  }
}
