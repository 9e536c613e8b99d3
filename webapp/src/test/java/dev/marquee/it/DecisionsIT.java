package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
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
 * Experiment decisions through the deployed API: the decision rule, a winner handed to publishing
 * as a proposal (or published at once with auto-publish), the no-winner path that keeps the
 * control, and the audit events and webhook outbox rows they leave.
 */
@ExtendWith(ArquillianExtension.class)
class DecisionsIT {
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

  private RenderingFixtures.TwoVariants entryWithTwoVariants(String suffix) {
    return RenderingFixtures.entryWithTwoVariants(as("editor"), "decide-" + suffix + "-" + RUN);
  }

  private String group(String suffix) {
    Map<String, Object> g = new HashMap<>();
    g.put("name", "Decide " + suffix + " " + RUN);
    g.put("rules", List.of(Map.of("apps", List.of("decide-" + suffix + "-" + RUN))));
    ApiClient.Reply r = as("experimenter").postJson("api/v1/audience-groups", g);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("id").asText();
  }

  /** A RUNNING experiment with the fixture's variants as control and treatment. */
  private JsonNode runningExperiment(
      RenderingFixtures.TwoVariants f, String group, boolean autoPublish) {
    Map<String, Object> x = new HashMap<>();
    x.put("entryId", f.entry());
    x.put("name", "Decide " + RUN + " " + group);
    x.put("audienceGroupIds", List.of(group));
    x.put(
        "arms",
        List.of(
            Map.of("name", "Control", "variantId", f.first(), "control", true, "weight", 0.5),
            Map.of("name", "Close-up", "variantId", f.second(), "control", false, "weight", 0.5)));
    x.put("primaryMetric", "CLICK_THROUGH");
    x.put("autoPublish", autoPublish);
    ApiClient.Reply created = as("experimenter").postJson("api/v1/experiments", x);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().path("id").asText();
    ApiClient.Reply started =
        as("experimenter").postJson("api/v1/experiments/" + id + "/start", "");
    assertThat(started.status()).as("%s", started).isEqualTo(200);
    return started.json();
  }

  private String apiKey() {
    Map<String, Object> app = new HashMap<>();
    app.put("name", "Decisions app " + UUID.randomUUID());
    app.put("allowedOrigins", List.of());
    app.put("rateLimit", Map.of("requestsPerSecond", 50, "burst", 100));
    app.put("enabled", true);
    ApiClient.Reply created = as("administrator").postJson("api/v1/delivery-apps", app);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return as("administrator")
        .postJson(
            "api/v1/delivery-apps/" + created.json().path("id").asText() + "/keys",
            Map.of("label", "decisions"))
        .json()
        .path("key")
        .asText();
  }

  /** Sends impressions from {@code viewers} viewers per arm; the treatment's viewers all click. */
  private void clearWinForTheTreatment(String key, JsonNode x, String group, int viewers)
      throws IOException {
    String control = x.path("arms").get(0).path("id").asText();
    String treatment = x.path("arms").get(1).path("id").asText();
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < viewers; i++) {
      events.add(event("IMPRESSION", x, control, group, "c" + i));
      events.add(event("IMPRESSION", x, treatment, group, "t" + i));
      events.add(event("CLICK", x, treatment, group, "t" + i));
    }
    ApiClient anonymous = ApiClient.anonymous(base);
    ApiClient.Reply r =
        anonymous.send(
            anonymous
                .request("api/v1/delivery/events")
                .header("Content-Type", "application/json")
                .header("X-Api-Key", key)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        JSON.writeValueAsBytes(Map.of("events", events)))));
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    assertThat(r.json().path("accepted").asInt()).isEqualTo(events.size());
  }

  private static Map<String, Object> event(
      String type, JsonNode x, String arm, String group, String viewer) {
    Map<String, Object> e = new HashMap<>();
    e.put("eventId", UUID.randomUUID().toString());
    e.put("type", type);
    e.put("experimentId", x.path("id").asText());
    e.put("armId", arm);
    e.put("audienceGroupId", group);
    e.put("viewerId", viewer + "-" + RUN);
    e.put("occurredAt", Instant.now().minusSeconds(5).toString());
    return e;
  }

  private ApiClient.Reply setRule(String experimentId, String ifMatch, Map<String, Object> rule) {
    return as("experimenter")
        .putJson("api/v1/experiments/" + experimentId + "/decision-rule", rule, ifMatch);
  }

  private ApiClient.Reply decide(String experimentId, Map<String, Object> body) {
    return as("experimenter").postJson("api/v1/experiments/" + experimentId + "/decision", body);
  }

  private String subscribe() {
    ApiClient.Reply r =
        as("administrator")
            .postJson(
                "api/v1/webhook-subscriptions",
                Map.of(
                    "url",
                    sink.url(),
                    "eventTypes",
                    List.of("experiment.decided", "promotion.published")));
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("subscription").path("id").asText();
  }

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

  @Test
  void aWinnerIsProposedForPublishingWithTheStatisticsBehindIt() throws Exception {
    RenderingFixtures.TwoVariants f = entryWithTwoVariants("win");
    String group = group("win");
    String subscription = subscribe();
    JsonNode x = runningExperiment(f, group, false);
    String id = x.path("id").asText();
    String treatmentArm = x.path("arms").get(1).path("id").asText();

    ApiClient.Reply defaults = as("editor").get("api/v1/experiments/" + id + "/decision-rule");
    assertThat(defaults.header("ETag")).isEqualTo("\"0\"");
    assertThat(defaults.json().path("kind").asText()).isEqualTo("SEQUENTIAL");
    assertThat(defaults.json().path("minimumSamplePerArm").asLong()).isEqualTo(1000);
    Map<String, Object> rule =
        Map.of("kind", "BAYESIAN", "minimumSamplePerArm", 30, "expectedLossThreshold", 0.001);
    assertProblem(setRule(id, null, rule), 428);
    assertProblem(setRule(id, "\"3\"", rule), 412);
    ApiClient.Reply set = setRule(id, "\"0\"", rule);
    assertThat(set.status()).as("%s", set).isEqualTo(200);
    assertThat(set.header("ETag")).isEqualTo("\"1\"");
    assertThat(set.json().path("updatedBy").asText()).isEqualTo("experimenter");
    assertProblem(
        setRule(id, "\"1\"", Map.of("kind", "BAYESIAN", "probabilityBestThreshold", 1.5)), 400);

    ApiClient.Reply early = decide(id, Map.of());
    assertThat(early.status()).as("%s", early).isEqualTo(200);
    assertThat(early.json().path("outcome").asText()).isEqualTo("CONTINUE");
    assertThat(early.json().path("explanation").asText()).contains("30");
    assertThat(as("editor").get("api/v1/experiments/" + id).json().path("state").asText())
        .as("CONTINUE changes nothing")
        .isEqualTo("RUNNING");
    assertProblem(as("editor").get("api/v1/experiments/" + id + "/decision"), 404);

    clearWinForTheTreatment(apiKey(), x, group, 40);
    assertProblem(
        as("publisher").postJson("api/v1/experiments/" + id + "/decision", Map.of()), 403);
    ApiClient.Reply decided = decide(id, Map.of());
    assertThat(decided.status()).as("%s", decided).isEqualTo(200);
    JsonNode d = decided.json();
    assertThat(d.path("outcome").asText()).isEqualTo("WINNER");
    assertThat(d.path("winningArmId").asText()).isEqualTo(treatmentArm);
    assertThat(d.path("winningVariantId").asText()).isEqualTo(f.second());
    assertThat(d.path("decidedBy").asText()).isEqualTo("experimenter");
    assertThat(d.path("statistics").path("arms")).hasSize(2);
    assertThat(d.path("statistics").path("arms").get(1).path("conversions").asLong()).isEqualTo(40);
    assertThat(d.path("promotionIds")).hasSize(1);
    assertThat(as("editor").get("api/v1/experiments/" + id + "/decision").json()).isEqualTo(d);

    JsonNode experiment = as("editor").get("api/v1/experiments/" + id).json();
    assertThat(experiment.path("state").asText()).isEqualTo("DECIDED");
    assertProblem(decide(id, Map.of()), 409);
    assertProblem(as("experimenter").postJson("api/v1/experiments/" + id + "/stop", ""), 409);
    assertProblem(setRule(id, "*", rule), 409);

    String promotionId = d.path("promotionIds").get(0).asText();
    JsonNode promotion = as("publisher").get("api/v1/promotions/" + promotionId).json();
    assertThat(promotion.path("state").asText()).isEqualTo("PROPOSED");
    assertThat(promotion.path("variantId").asText()).isEqualTo(f.second());
    assertThat(promotion.path("audience").asText()).isEqualTo(group);
    assertThat(promotion.path("experimentId").asText()).isEqualTo(id);
    assertThat(promotion.path("armId").asText()).isEqualTo(treatmentArm);
    assertThat(promotion.path("proposedBy").asText()).isEqualTo("experimenter");
    assertThat(promotion.path("autoPublish").asBoolean()).isFalse();
    assertThat(promotion.path("statistics").path("rule").path("kind").asText())
        .isEqualTo("BAYESIAN");
    assertThat(
            as("publisher")
                .get("api/v1/promotions?experimentId=" + id)
                .json()
                .path("items")
                .findValuesAsText("id"))
        .containsExactly(promotionId);

    JsonNode audit =
        as("publisher")
            .get("api/v1/audit-events?targetType=EXPERIMENT&targetId=" + id)
            .json()
            .path("items");
    assertThat(audit.findValuesAsText("action"))
        .contains("EXPERIMENT_DECIDED", "DECISION_RULE_SET", "EXPERIMENT_STARTED");
    JsonNode decidedEvent = audit.get(0);
    assertThat(decidedEvent.path("action").asText()).isEqualTo("EXPERIMENT_DECIDED");
    assertThat(decidedEvent.path("details").path("winningArmId").asText()).isEqualTo(treatmentArm);
    assertThat(decidedEvent.path("details").path("statistics").path("arms")).hasSize(2);

    List<JsonNode> webhooks = outbox(subscription, f.entry());
    assertThat(webhooks)
        .extracting(w -> w.path("type").asText())
        .containsExactly("experiment.decided");
    assertThat(webhooks.get(0).path("data").path("outcome").asText()).isEqualTo("WINNER");
    assertThat(webhooks.get(0).path("data").path("promotionIds").get(0).asText())
        .isEqualTo(promotionId);
  }

  @Test
  void anExperimentSetToAutoPublishPublishesItsWinnerAtOnce() throws Exception {
    RenderingFixtures.TwoVariants f = entryWithTwoVariants("auto");
    String group = group("auto");
    String subscription = subscribe();
    JsonNode x = runningExperiment(f, group, true);
    String id = x.path("id").asText();
    assertThat(setRule(id, "\"0\"", Map.of("kind", "BAYESIAN", "minimumSamplePerArm", 30)).status())
        .isEqualTo(200);
    clearWinForTheTreatment(apiKey(), x, group, 40);

    JsonNode d = decide(id, Map.of()).json();
    assertThat(d.path("outcome").asText()).isEqualTo("WINNER");
    JsonNode promotion =
        as("publisher").get("api/v1/promotions/" + d.path("promotionIds").get(0).asText()).json();
    assertThat(promotion.path("state").asText()).isEqualTo("PUBLISHED");
    assertThat(promotion.path("autoPublish").asBoolean()).isTrue();
    assertThat(promotion.path("reviewedBy").asText()).isEqualTo("auto-publish");
    JsonNode artwork = as("editor").get("api/v1/entries/" + f.entry() + "/artwork/" + group).json();
    assertThat(artwork.path("variantId").asText()).isEqualTo(f.second());
    assertThat(artwork.path("number").asInt()).isEqualTo(1);
    assertThat(outbox(subscription, f.entry()))
        .extracting(w -> w.path("type").asText())
        .containsExactlyInAnyOrder("experiment.decided", "promotion.published");
  }

  @Test
  void anInconclusiveExperimentEndsWithoutAWinnerAndKeepsTheControl() throws Exception {
    RenderingFixtures.TwoVariants f = entryWithTwoVariants("none");
    String group = group("none");
    JsonNode x = runningExperiment(f, group, true);
    String id = x.path("id").asText();

    JsonNode d = decide(id, Map.of("endIfInconclusive", true)).json();
    assertThat(d.path("outcome").asText()).isEqualTo("NO_WINNER");
    assertThat(d.has("winningArmId")).isFalse();
    assertThat(d.path("promotionIds")).isEmpty();
    assertThat(d.path("explanation").asText()).contains("without a winner");
    assertThat(as("editor").get("api/v1/experiments/" + id).json().path("state").asText())
        .isEqualTo("DECIDED");
    assertThat(as("publisher").get("api/v1/promotions?experimentId=" + id).json().path("items"))
        .as("no proposal")
        .isEmpty();
    assertProblem(as("editor").get("api/v1/entries/" + f.entry() + "/artwork/" + group), 404);

    // the running slot was released: a new experiment on the same entry and group can start
    runningExperiment(f, group, false);
    assertProblem(decide(UUID.randomUUID().toString(), Map.of()), 404);
  }
}
