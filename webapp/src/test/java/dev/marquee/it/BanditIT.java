package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.experiment.bandit.BanditService;
import dev.marquee.experiment.stats.BanditReallocation;
import dev.marquee.experiment.stats.BinomialCounts;
import java.net.URL;
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
 * Bandit experiments through the deployed API: settings validated, events in, a re-allocation that
 * opens a new period for the group with weights shifted toward the better arm (and reproducible
 * from the counts), per-period SRM, and the propensity a new viewer would be assigned with.
 */
@ExtendWith(ArquillianExtension.class)
class BanditIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  ApiClient experimenter() {
    return ApiClient.anonymous(base).as("experimenter");
  }

  static Map<String, Object> bandit(double minimumShare, long minimumSample, String interval) {
    Map<String, Object> b = new HashMap<>();
    b.put("minimumShare", minimumShare);
    b.put("minimumSample", minimumSample);
    b.put("reallocationInterval", interval);
    return b;
  }

  private static RenderingFixtures.TwoVariants entry;

  /** One entry with two rendered variants for every test (each has audience groups of its own). */
  synchronized RenderingFixtures.TwoVariants entry() {
    if (entry == null) {
      entry =
          RenderingFixtures.entryWithTwoVariants(
              ApiClient.anonymous(base).as("editor"), "bandit-" + RUN);
    }
    return entry;
  }

  Map<String, Object> banditExperiment(String suffix, Map<String, Object> bandit) {
    Map<String, Object> g = new HashMap<>();
    g.put("name", "Bandit " + suffix + " " + RUN);
    g.put("rules", List.of(Map.of("apps", List.of("bandit-" + suffix + "-" + RUN))));
    ApiClient.Reply group = experimenter().postJson("api/v1/audience-groups", g);
    assertThat(group.status()).as("%s", group).isEqualTo(201);
    Map<String, Object> x =
        ExperimentsIT.experiment(entry(), List.of(group.json().path("id").asText()));
    x.put("mode", "BANDIT");
    if (bandit != null) {
      x.put("bandit", bandit);
    }
    return x;
  }

  @Test
  void invalidBanditSettingsAreRefusedWithFieldErrors() {
    Map<String, Object> missing = banditExperiment("missing", null);
    assertFieldError(experimenter().postJson("api/v1/experiments", missing), "bandit");

    Map<String, Object> floor = banditExperiment("floor", bandit(0.6, 10, "PT1H"));
    assertFieldError(experimenter().postJson("api/v1/experiments", floor), "bandit.minimumShare");

    Map<String, Object> fast = banditExperiment("fast", bandit(0.05, 10, "PT30S"));
    assertFieldError(
        experimenter().postJson("api/v1/experiments", fast), "bandit.reallocationInterval");

    Map<String, Object> garbled = banditExperiment("garbled", bandit(0.05, 10, "hourly"));
    assertFieldError(
        experimenter().postJson("api/v1/experiments", garbled), "bandit.reallocationInterval");

    Map<String, Object> negative = banditExperiment("negative", bandit(0.05, -1, "PT1H"));
    assertProblem(experimenter().postJson("api/v1/experiments", negative), 400);

    Map<String, Object> belowFloor = banditExperiment("below", bandit(0.05, 10, "PT1H"));
    belowFloor.put(
        "arms",
        List.of(
            ExperimentsIT.arm("Published", entry().first(), true, 0.97),
            ExperimentsIT.arm("Close-up", entry().second(), false, 0.03)));
    assertFieldError(experimenter().postJson("api/v1/experiments", belowFloor), "arms[1].weight");

    Map<String, Object> abWithBandit = banditExperiment("ab", bandit(0.05, 10, "PT1H"));
    abWithBandit.put("mode", "AB");
    assertFieldError(experimenter().postJson("api/v1/experiments", abWithBandit), "bandit");
  }

  @Test
  void eventsInReallocationOutWeightsShiftTowardTheBetterArm() {
    ApiClient.Reply created =
        experimenter()
            .postJson("api/v1/experiments", banditExperiment("run", bandit(0.05, 20, "PT1H")));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode x = created.json();
    String id = x.path("id").asText();
    String group = x.path("audienceGroupIds").get(0).asText();
    assertThat(x.path("mode").asText()).isEqualTo("BANDIT");
    assertThat(x.path("bandit").path("reallocationInterval").asText()).isEqualTo("PT1H");
    assertProblem(experimenter().postJson("api/v1/experiments/" + id + "/reallocate", ""), 409);

    JsonNode running = experimenter().postJson("api/v1/experiments/" + id + "/start", "").json();
    String control = running.path("arms").get(0).path("id").asText();
    String treatment = running.path("arms").get(1).path("id").asText();
    JsonNode read = experimenter().get("api/v1/experiments/" + id).json();
    assertThat(Instant.parse(read.path("nextReallocationAt").asText()))
        .isAfter(Instant.now().plusSeconds(3000));

    // below the minimum sample nothing moves
    JsonNode early = experimenter().postJson("api/v1/experiments/" + id + "/reallocate", "").json();
    assertThat(early.path("allocationPeriods")).hasSize(1);

    // 60 viewers per arm: 3 clicked the control, 30 the close-up
    DeliveryEventClient app = DeliveryEventClient.register(base, "Bandit app");
    List<Map<String, Object>> events = new ArrayList<>();
    for (int v = 0; v < 60; v++) {
      String a = "a-" + RUN + "-" + v;
      String b = "b-" + RUN + "-" + v;
      events.add(DeliveryEventClient.event(a + "-i", "IMPRESSION", id, control, group, a));
      events.add(DeliveryEventClient.event(b + "-i", "IMPRESSION", id, treatment, group, b));
      if (v < 3) {
        events.add(DeliveryEventClient.event(a + "-c", "CLICK", id, control, group, a));
      }
      if (v < 30) {
        events.add(DeliveryEventClient.event(b + "-c", "CLICK", id, treatment, group, b));
      }
    }
    ApiClient.Reply sent = app.send(events);
    assertThat(sent.status()).as("%s", sent).isEqualTo(200);
    assertThat(sent.json().path("accepted").asInt()).isEqualTo(events.size());

    ApiClient.Reply reallocated =
        experimenter().postJson("api/v1/experiments/" + id + "/reallocate", "");
    assertThat(reallocated.status()).as("%s", reallocated).isEqualTo(200);
    JsonNode periods = reallocated.json().path("allocationPeriods");
    assertThat(periods).hasSize(2);
    JsonNode second = periods.get(1);
    assertThat(second.path("period").asInt()).isEqualTo(2);
    assertThat(second.path("audienceGroupId").asText()).isEqualTo(group);
    double[] weights = {
      second.path("weights").get(0).asDouble(), second.path("weights").get(1).asDouble()
    };
    assertThat(weights[1]).isGreaterThan(0.9);
    assertThat(weights[0]).isCloseTo(0.05, within(0.01)).isGreaterThanOrEqualTo(0.05);
    // the experiment read shows the same new period, and the ETag moved
    JsonNode reread = experimenter().get("api/v1/experiments/" + id).json();
    assertThat(reread.path("allocationPeriods")).hasSize(2);
    assertThat(reread.path("version").asLong()).isGreaterThan(read.path("version").asLong());

    // reproducible from the counts: the documented seed and the pure engine give the same weights
    double[] recomputed =
        new BanditReallocation(0.05, 20, false, BanditReallocation.DEFAULT_DRAWS)
            .weights(
                List.of(new BinomialCounts(60, 3), new BinomialCounts(60, 30)),
                BanditService.seed(x.path("seed").asText(), UUID.fromString(group), 2))
            .orElseThrow()
            .weights();
    assertThat(weights).containsExactly(recomputed, within(1e-12));

    // a new viewer is assigned by the group's new period, with its propensity
    for (int v = 0; v < 40; v++) {
      JsonNode preview =
          experimenter()
              .postJson(
                  "api/v1/experiments/" + id + "/assignments/preview",
                  Map.of("viewerId", "fresh-" + RUN + "-" + v, "audienceGroupId", group))
              .json();
      assertThat(preview.path("enrolled").asBoolean()).isTrue();
      int arm = preview.path("armId").asText().equals(control) ? 0 : 1;
      assertThat(preview.path("propensity").asDouble()).isCloseTo(weights[arm], within(1e-12));
    }

    // the SRM check lists the group's period; a bandit's weights cannot be set by hand
    JsonNode results = experimenter().get("api/v1/experiments/" + id + "/results").json();
    assertThat(results.path("srm")).hasSize(2);
    assertThat(results.path("srm").get(1).path("audienceGroupId").asText()).isEqualTo(group);
    // the viewers so far all belong to period 1: period-weighted rates equal the pooled ones
    JsonNode pooledArms = results.path("pooled").path("arms");
    assertThat(pooledArms.get(0).path("periodWeightedRate").asDouble())
        .isCloseTo(3 / 60.0, within(1e-12));
    assertThat(pooledArms.get(1).path("periodWeightedRate").asDouble())
        .isCloseTo(30 / 60.0, within(1e-12));
    assertThat(pooledArms.get(1).path("periodWeightedUplift").asDouble())
        .isCloseTo(27 / 60.0, within(1e-12));
    Map<String, Object> write = ExperimentsIT.writeOf(reread);
    write.put("mode", "BANDIT");
    write.put("bandit", bandit(0.05, 20, "PT1H"));
    write.put(
        "arms",
        List.of(
            ExperimentsIT.arm(
                "Published", reread.path("arms").get(0).path("variantId").asText(), true, 0.3),
            ExperimentsIT.arm(
                "Close-up", reread.path("arms").get(1).path("variantId").asText(), false, 0.7)));
    assertProblem(
        experimenter()
            .putJson(
                "api/v1/experiments/" + id, write, "\"" + reread.path("version").asLong() + "\""),
        409);

    experimenter().postJson("api/v1/experiments/" + id + "/stop", "");
    assertProblem(experimenter().postJson("api/v1/experiments/" + id + "/reallocate", ""), 409);
  }

  @Test
  void abExperimentsDoNotReallocate() {
    Map<String, Object> ab = banditExperiment("abx", null);
    ab.put("mode", "AB");
    JsonNode x = experimenter().postJson("api/v1/experiments", ab).json();
    String id = x.path("id").asText();
    experimenter().postJson("api/v1/experiments/" + id + "/start", "");
    assertProblem(experimenter().postJson("api/v1/experiments/" + id + "/reallocate", ""), 409);
    assertProblem(
        ApiClient.anonymous(base)
            .as("editor")
            .postJson("api/v1/experiments/" + id + "/reallocate", ""),
        403);
    experimenter().postJson("api/v1/experiments/" + id + "/stop", "");
  }
}
