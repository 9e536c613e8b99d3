package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.experiment.assignment.GlobalHoldout;
import java.net.URL;
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
 * The global holdout through the deployed API: admins set the share, held-out viewers (by the
 * documented hash, reproduced here with the pure engine) are never enrolled, their arm-less events
 * are counted, and results report enrolled against holdout.
 */
@ExtendWith(ArquillianExtension.class)
class HoldoutIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final double SHARE = 0.3;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  ApiClient as(String user) {
    return ApiClient.anonymous(base).as(user);
  }

  @Test
  void heldOutViewersAreNeverEnrolledAndTheLiftIsReported() {
    ApiClient.Reply read = as("experimenter").get("api/v1/holdout");
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    assertThat(read.json().path("salt").asText()).isEqualTo("marquee:global-holdout");
    String etag = read.header("ETag");

    assertProblem(as("administrator").putJson("api/v1/holdout", Map.of("share", 0.1), null), 428);
    assertProblem(as("experimenter").putJson("api/v1/holdout", Map.of("share", 0.1), etag), 403);
    assertFieldError(
        as("administrator").putJson("api/v1/holdout", Map.of("share", 0.7), etag), "share");
    assertProblem(
        as("administrator").putJson("api/v1/holdout", Map.of("share", 0.1), "\"999\""), 412);

    ApiClient.Reply set =
        as("administrator").putJson("api/v1/holdout", Map.of("share", SHARE), etag);
    assertThat(set.status()).as("%s", set).isEqualTo(200);
    assertThat(set.json().path("share").asDouble()).isEqualTo(SHARE);
    try {
      checkHoldout();
    } finally {
      ApiClient.Reply now = as("administrator").get("api/v1/holdout");
      as("administrator").putJson("api/v1/holdout", Map.of("share", 0), now.header("ETag"));
    }
    assertThat(as("administrator").get("api/v1/holdout").json().path("share").asDouble()).isZero();
  }

  private void checkHoldout() {
    GlobalHoldout holdout = new GlobalHoldout(SHARE);
    List<String> heldOut = new ArrayList<>();
    List<String> enrolled = new ArrayList<>();
    for (int v = 0; heldOut.size() < 20 || enrolled.size() < 20; v++) {
      String viewer = "holdout-" + RUN + "-" + v;
      (holdout.contains(viewer) ? heldOut : enrolled).add(viewer);
    }

    RenderingFixtures.TwoVariants entry =
        RenderingFixtures.entryWithTwoVariants(as("editor"), "holdout-" + RUN);
    Map<String, Object> g = new HashMap<>();
    g.put("name", "Holdout " + RUN);
    g.put("rules", List.of(Map.of("apps", List.of("holdout-" + RUN))));
    String group =
        as("experimenter").postJson("api/v1/audience-groups", g).json().path("id").asText();
    JsonNode x =
        as("experimenter")
            .postJson("api/v1/experiments", ExperimentsIT.experiment(entry, List.of(group)))
            .json();
    String id = x.path("id").asText();
    as("experimenter").postJson("api/v1/experiments/" + id + "/start", "");
    String control = x.path("arms").get(0).path("id").asText();

    for (String viewer : heldOut) {
      JsonNode p = preview(id, viewer);
      assertThat(p.path("holdout").asBoolean()).as(viewer).isTrue();
      assertThat(p.path("enrolled").asBoolean()).as(viewer).isFalse();
      assertThat(p.has("armId")).isFalse();
    }
    for (String viewer : enrolled) {
      JsonNode p = preview(id, viewer);
      assertThat(p.path("holdout").asBoolean()).isFalse();
      assertThat(p.path("enrolled").asBoolean()).isTrue();
      assertThat(p.path("propensity").asDouble()).isCloseTo(0.5, within(1e-12));
    }

    // held-out viewers report without an arm: 20 viewers, 2 clicked; 20 enrolled, 10 clicked
    DeliveryEventClient app = DeliveryEventClient.register(base, "Holdout app");
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String h = heldOut.get(i);
      String n = enrolled.get(i);
      events.add(DeliveryEventClient.event(h + "-i", "IMPRESSION", id, null, group, h));
      events.add(DeliveryEventClient.event(n + "-i", "IMPRESSION", id, control, group, n));
      if (i < 2) {
        events.add(DeliveryEventClient.event(h + "-c", "CLICK", id, null, group, h));
      }
      if (i < 10) {
        events.add(DeliveryEventClient.event(n + "-c", "CLICK", id, control, group, n));
      }
    }
    // rejected: a held-out viewer with an arm, an enrolled viewer without one
    events.add(
        DeliveryEventClient.event(
            "bad-1-" + RUN, "IMPRESSION", id, control, group, heldOut.get(0)));
    events.add(
        DeliveryEventClient.event("bad-2-" + RUN, "IMPRESSION", id, null, group, enrolled.get(0)));
    ApiClient.Reply sent = app.send(events);
    assertThat(sent.status()).as("%s", sent).isEqualTo(200);
    assertThat(sent.json().path("accepted").asInt()).isEqualTo(events.size() - 2);
    assertThat(sent.json().path("rejected").asInt()).isEqualTo(2);

    JsonNode results = as("experimenter").get("api/v1/experiments/" + id + "/results").json();
    JsonNode lift = results.path("holdout");
    assertThat(lift.path("holdoutViewers").asLong()).isEqualTo(20);
    assertThat(lift.path("holdoutConversions").asLong()).isEqualTo(2);
    assertThat(lift.path("enrolledViewers").asLong()).isEqualTo(20);
    assertThat(lift.path("enrolledConversions").asLong()).isEqualTo(10);
    assertThat(lift.path("liftAbsolute").asDouble()).isCloseTo(0.4, within(1e-12));
    assertThat(lift.path("liftRelative").asDouble()).isCloseTo(4.0, within(1e-12));
    // the held-out viewers are not counted in any arm
    long armViewers = 0;
    for (JsonNode arm : results.path("pooled").path("arms")) {
      armViewers += arm.path("viewers").asLong();
    }
    assertThat(armViewers).isEqualTo(20);
    as("experimenter").postJson("api/v1/experiments/" + id + "/stop", "");
  }

  private JsonNode preview(String id, String viewer) {
    ApiClient.Reply r =
        as("experimenter")
            .postJson(
                "api/v1/experiments/" + id + "/assignments/preview", Map.of("viewerId", viewer));
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.json();
  }
}
