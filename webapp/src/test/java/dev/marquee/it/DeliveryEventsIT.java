package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events from a front-end app over the delivery API: authenticated by the app's key, idempotent by
 * event id, rejected events reported one by one, counts visible in the experiment's results.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryEventsIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String EVENTS = "api/v1/delivery/events";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient as(String user) {
    return ApiClient.anonymous(base).as(user);
  }

  private String apiKey() {
    Map<String, Object> app = new HashMap<>();
    app.put("name", "Events app " + UUID.randomUUID());
    app.put("allowedOrigins", List.of());
    app.put("rateLimit", Map.of("requestsPerSecond", 50, "burst", 100));
    app.put("enabled", true);
    ApiClient.Reply created = as("administrator").postJson("api/v1/delivery-apps", app);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    ApiClient.Reply key =
        as("administrator")
            .postJson(
                "api/v1/delivery-apps/" + created.json().path("id").asText() + "/keys",
                Map.of("label", "events"));
    assertThat(key.status()).as("%s", key).isEqualTo(201);
    return key.json().path("key").asText();
  }

  private ApiClient.Reply send(String key, Object body) {
    ApiClient anonymous = ApiClient.anonymous(base);
    HttpRequest.Builder request =
        anonymous.request(EVENTS).header("Content-Type", "application/json");
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    return anonymous.send(
        request.POST(
            HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body))));
  }

  private static String json(Object body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Map<String, Object> event(
      String id, String type, JsonNode x, String arm, String group, String viewer) {
    Map<String, Object> e = new HashMap<>();
    e.put("eventId", id);
    e.put("type", type);
    e.put("experimentId", x.path("id").asText());
    e.put("armId", arm);
    e.put("audienceGroupId", group);
    e.put("viewerId", viewer);
    e.put("occurredAt", Instant.now().minusSeconds(5).toString());
    return e;
  }

  @Test
  void appsReportEventsOnceEachAndTheyCountInTheResults() {
    String key = apiKey();
    RenderingFixtures.TwoVariants entryId = entry();
    ApiClient.Reply groupReply =
        as("experimenter")
            .postJson(
                "api/v1/audience-groups",
                Map.of(
                    "name",
                    "Events group " + RUN,
                    "rules",
                    List.of(Map.of("apps", List.of("events-" + RUN)))));
    assertThat(groupReply.status()).as("%s", groupReply).isEqualTo(201);
    String group = groupReply.json().path("id").asText();
    ApiClient.Reply created =
        as("experimenter")
            .postJson("api/v1/experiments", ExperimentsIT.experiment(entryId, List.of(group)));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode x = created.json();
    String id = x.path("id").asText();
    assertThat(as("experimenter").postJson("api/v1/experiments/" + id + "/start", "").status())
        .isEqualTo(200);
    String control = x.path("arms").get(0).path("id").asText();
    String treatment = x.path("arms").get(1).path("id").asText();

    List<Map<String, Object>> events = new ArrayList<>();
    events.add(event(RUN + "-1", "IMPRESSION", x, control, group, "ana"));
    events.add(event(RUN + "-2", "IMPRESSION", x, control, group, "ana"));
    events.add(event(RUN + "-3", "CLICK", x, control, group, "ana"));
    events.add(event(RUN + "-4", "IMPRESSION", x, treatment, group, "ben"));
    events.add(event(RUN + "-5", "IMPRESSION", x, UUID.randomUUID().toString(), group, "ben"));
    Map<String, Object> batch = Map.of("events", events);

    ApiClient.Reply first = send(key, batch);
    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.header("Cache-Control")).contains("no-store");
    assertThat(first.json().path("accepted").asInt()).isEqualTo(4);
    assertThat(first.json().path("rejected").asInt()).isEqualTo(1);
    assertThat(first.json().path("outcomes").get(4).path("reason").asText()).isNotBlank();

    ApiClient.Reply retried = send(key, batch);
    assertThat(retried.json().path("accepted").asInt()).as("a retry counts nothing").isZero();
    assertThat(retried.json().path("duplicates").asInt()).isEqualTo(4);

    JsonNode arms =
        as("experimenter")
            .get("api/v1/experiments/" + id + "/results")
            .json()
            .path("pooled")
            .path("arms");
    JsonNode controlArm = arms.get(0).path("control").asBoolean() ? arms.get(0) : arms.get(1);
    JsonNode treatmentArm = controlArm == arms.get(0) ? arms.get(1) : arms.get(0);
    assertThat(controlArm.path("impressions").asLong()).isEqualTo(2);
    assertThat(controlArm.path("viewers").asLong()).isEqualTo(1);
    assertThat(controlArm.path("conversions").asLong()).isEqualTo(1);
    assertThat(treatmentArm.path("impressions").asLong()).isEqualTo(1);
    assertThat(treatmentArm.path("conversions").asLong()).isZero();
    as("experimenter").postJson("api/v1/experiments/" + id + "/stop", "");
  }

  private static RenderingFixtures.TwoVariants entry;

  /** One entry with two rendered variants for every test (each has audience groups of its own). */
  private synchronized RenderingFixtures.TwoVariants entry() {
    if (entry == null) {
      entry = RenderingFixtures.entryWithTwoVariants(as("editor"), "events-" + RUN);
    }
    return entry;
  }

  /** Sets up a running two-arm experiment for {@code name}; returns it with its group id. */
  private JsonNode[] runningExperiment(String name) {
    RenderingFixtures.TwoVariants entryId = entry();
    JsonNode group =
        as("experimenter")
            .postJson(
                "api/v1/audience-groups",
                Map.of(
                    "name",
                    name + " " + RUN,
                    "rules",
                    List.of(Map.of("apps", List.of(name + "-" + RUN)))))
            .json();
    JsonNode x =
        as("experimenter")
            .postJson(
                "api/v1/experiments",
                ExperimentsIT.experiment(entryId, List.of(group.path("id").asText())))
            .json();
    assertThat(
            as("experimenter")
                .postJson("api/v1/experiments/" + x.path("id").asText() + "/start", "")
                .status())
        .isEqualTo(200);
    return new JsonNode[] {x, group};
  }

  @Test
  void concurrentBatchesSharingViewersAllSucceedAndCountExactly() throws Exception {
    String key = apiKey();
    JsonNode[] setUp = runningExperiment("concurrent");
    JsonNode x = setUp[0];
    String group = setUp[1].path("id").asText();
    String arm = x.path("arms").get(1).path("id").asText();
    int clients = 6;
    int batchesPerClient = 3;
    List<Map<String, Object>> batches = new ArrayList<>();
    for (int b = 0; b < clients * batchesPerClient; b++) {
      List<Map<String, Object>> events = new ArrayList<>();
      for (int i = 0; i < 50; i++) { // ten viewers shared by every batch
        events.add(event(RUN + "-cc-" + b + "-" + i, "IMPRESSION", x, arm, group, "cv-" + i % 10));
      }
      batches.add(Map.of("events", events));
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(clients);
    List<java.util.concurrent.Future<List<Integer>>> statuses = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int first = c * batchesPerClient;
      statuses.add(
          pool.submit(
              () -> {
                List<Integer> codes = new ArrayList<>();
                for (int b = first; b < first + batchesPerClient; b++) {
                  codes.add(send(key, batches.get(b)).status());
                }
                return codes;
              }));
    }
    for (java.util.concurrent.Future<List<Integer>> s : statuses) {
      assertThat(s.get())
          .as("no batch fails because another ran at the same time")
          .containsOnly(200);
    }
    pool.shutdown();

    JsonNode arms =
        as("experimenter")
            .get("api/v1/experiments/" + x.path("id").asText() + "/results")
            .json()
            .path("pooled")
            .path("arms");
    long impressions = 0;
    long viewers = 0;
    for (JsonNode a : arms) {
      impressions += a.path("impressions").asLong();
      viewers += a.path("viewers").asLong();
    }
    assertThat(impressions).isEqualTo(clients * batchesPerClient * 50L);
    assertThat(viewers).isEqualTo(10);
    as("experimenter").postJson("api/v1/experiments/" + x.path("id").asText() + "/stop", "");
  }

  @Test
  void badKeysOversizedBatchesAndMalformedBodiesAreRefused() {
    String key = apiKey();
    Map<String, Object> one =
        Map.of(
            "events",
            List.of(
                Map.of(
                    "eventId", "x",
                    "type", "IMPRESSION",
                    "experimentId", UUID.randomUUID().toString(),
                    "armId", UUID.randomUUID().toString(),
                    "audienceGroupId", UUID.randomUUID().toString(),
                    "viewerId", "v",
                    "occurredAt", Instant.now().toString())));
    assertProblem(send(null, one), 401);
    assertProblem(send("mqk_0000000000000000_" + "A".repeat(43), one), 401);
    assertThat(as("administrator").postJson(EVENTS, one).status())
        .as("a user login is not a delivery key")
        .isEqualTo(401);

    List<Object> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add(((List<?>) one.get("events")).get(0));
    }
    assertProblem(send(key, Map.of("events", many)), 400);
    assertProblem(send(key, "{\"events\": [{\"eventId\": 7, \"type\": \"WINK\"}]}"), 400);
    assertProblem(send(key, "not json"), 400);
    ApiClient.Reply unknownExperiment = send(key, one);
    assertThat(unknownExperiment.status()).isEqualTo(200);
    assertThat(unknownExperiment.json().path("rejected").asInt()).isEqualTo(1);
  }
}
