package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.experiment.assignment.GrowthBookHash;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Experiments through the deployed API: CRUD, lifecycle, running slots and assignment preview. */
@ExtendWith(ArquillianExtension.class)
class ExperimentsIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  ApiClient as(String user) {
    return ApiClient.anonymous(base).as(user);
  }

  ApiClient experimenter() {
    return as("experimenter");
  }

  private static RenderingFixtures.TwoVariants shared;

  /** A fresh entry with two rendered variants, for tests that list experiments by entry. */
  RenderingFixtures.TwoVariants entry(String suffix) {
    return RenderingFixtures.entryWithTwoVariants(as("editor"), "exp-" + RUN + "-" + suffix);
  }

  /**
   * One entry with two rendered variants for the other tests of the class: running slots are per
   * (entry, audience group) and every test has groups of its own.
   */
  synchronized RenderingFixtures.TwoVariants sharedEntry() {
    if (shared == null) {
      shared = entry("shared");
    }
    return shared;
  }

  String group(String suffix) {
    Map<String, Object> g = new HashMap<>();
    g.put("name", "Exp " + suffix + " " + RUN);
    g.put("rules", List.of(Map.of("apps", List.of("app-" + suffix + "-" + RUN))));
    ApiClient.Reply r = experimenter().postJson("api/v1/audience-groups", g);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("id").asText();
  }

  static Map<String, Object> arm(String name, String variant, boolean control, double weight) {
    Map<String, Object> a = new HashMap<>();
    a.put("name", name);
    a.put("variantId", variant);
    a.put("control", control);
    a.put("weight", weight);
    return a;
  }

  /** A 50/50 experiment showing the entry's two variants, the first one as control. */
  static Map<String, Object> experiment(RenderingFixtures.TwoVariants entry, List<String> groups) {
    Map<String, Object> x = new HashMap<>();
    x.put("entryId", entry.entry());
    x.put("name", "Key art test " + RUN);
    x.put("audienceGroupIds", groups);
    x.put(
        "arms",
        List.of(
            arm("Published", entry.first(), true, 0.5),
            arm("Close-up", entry.second(), false, 0.5)));
    x.put("coverage", 1.0);
    x.put("primaryMetric", "CLICK_THROUGH");
    return x;
  }

  JsonNode create(Map<String, Object> body) {
    ApiClient.Reply r = experimenter().postJson("api/v1/experiments", body);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json();
  }

  ApiClient.Reply action(String id, String action) {
    return experimenter().postJson("api/v1/experiments/" + id + "/" + action, "");
  }

  /** Round-trips an experiment read into a write body. */
  static Map<String, Object> writeOf(JsonNode x) {
    Map<String, Object> w = new HashMap<>();
    w.put("entryId", x.path("entryId").asText());
    w.put("name", x.path("name").asText());
    List<String> groups = new ArrayList<>();
    x.path("audienceGroupIds").forEach(g -> groups.add(g.asText()));
    w.put("audienceGroupIds", groups);
    List<Map<String, Object>> arms = new ArrayList<>();
    x.path("arms")
        .forEach(
            a ->
                arms.add(
                    arm(
                        a.path("name").asText(),
                        a.path("variantId").asText(),
                        a.path("control").asBoolean(),
                        a.path("weight").asDouble())));
    w.put("arms", arms);
    w.put("coverage", x.path("coverage").asDouble());
    w.put("primaryMetric", x.path("primaryMetric").asText());
    return w;
  }

  @Test
  void crudWithETagsFiltersAndAudit() {
    RenderingFixtures.TwoVariants variants = entry("crud");
    String entry = variants.entry();
    String group = group("crud");
    JsonNode created = create(experiment(variants, List.of(group)));
    String id = created.path("id").asText();
    assertThat(created.path("state").asText()).isEqualTo("DRAFT");
    assertThat(created.path("seed").asText()).hasSize(16);
    assertThat(created.path("bucketVersion").asInt()).isZero();
    assertThat(created.path("arms")).hasSize(2);
    assertThat(created.path("allocationPeriods")).isEmpty();

    ApiClient.Reply read = as("publisher").get("api/v1/experiments/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    assertThat(read.json().path("seed").asText()).isEqualTo(created.path("seed").asText());

    Map<String, Object> renamed = writeOf(read.json());
    renamed.put("name", "Renamed " + RUN);
    renamed.put("secondaryMetric", "QUALIFIED_PLAY");
    renamed.put("qualifiedPlaySeconds", 120);
    assertProblem(experimenter().putJson("api/v1/experiments/" + id, renamed, null), 428);
    assertProblem(experimenter().putJson("api/v1/experiments/" + id, renamed, "\"5\""), 412);
    assertProblem(as("editor").putJson("api/v1/experiments/" + id, renamed, "\"0\""), 403);
    ApiClient.Reply updated = experimenter().putJson("api/v1/experiments/" + id, renamed, "\"0\"");
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    assertThat(updated.json().path("qualifiedPlaySeconds").asInt()).isEqualTo(120);
    assertThat(updated.json().path("seed").asText()).isEqualTo(created.path("seed").asText());
    assertThat(updated.json().path("arms").get(0).path("id").asText())
        .as("arm ids survive an update that keeps the arms")
        .isEqualTo(created.path("arms").get(0).path("id").asText());

    JsonNode byEntry = experimenter().get("api/v1/experiments?entryId=" + entry).json();
    assertThat(
            byEntry.path("items").findParents("entryId").stream().map(n -> n.path("id").asText()))
        .containsExactly(id);
    assertThat(
            experimenter()
                .get("api/v1/experiments?audienceGroupId=" + group + "&state=DRAFT")
                .json()
                .path("items")
                .findParents("entryId")
                .stream()
                .map(n -> n.path("id").asText())
                .toList())
        .containsExactly(id);
    assertThat(
            experimenter()
                .get("api/v1/experiments?entryId=" + entry + "&state=RUNNING")
                .json()
                .path("items"))
        .isEmpty();
    assertProblem(experimenter().get("api/v1/experiments?state=SLEEPING"), 400);

    // the group is targeted: it cannot be deleted
    assertProblem(experimenter().delete("api/v1/audience-groups/" + group), 409);

    ApiClient.Reply audit =
        experimenter().get("api/v1/audit-events?targetType=EXPERIMENT&targetId=" + id);
    assertThat(audit.json().path("items").findValuesAsText("action"))
        .containsExactly("EXPERIMENT_UPDATED", "EXPERIMENT_CREATED");

    assertThat(experimenter().delete("api/v1/experiments/" + id).status()).isEqualTo(204);
    assertProblem(experimenter().get("api/v1/experiments/" + id), 404);
    assertThat(experimenter().delete("api/v1/audience-groups/" + group).status()).isEqualTo(204);
  }

  @Test
  void everyTransitionValidAndInvalid() {
    String id = create(experiment(sharedEntry(), List.of(group("life")))).path("id").asText();

    assertConflictNaming(action(id, "pause"), "DRAFT");
    assertConflictNaming(action(id, "resume"), "DRAFT");
    assertConflictNaming(action(id, "stop"), "DRAFT");

    ApiClient.Reply started = action(id, "start");
    assertThat(started.status()).as("%s", started).isEqualTo(200);
    assertThat(started.json().path("state").asText()).isEqualTo("RUNNING");
    assertThat(started.json().path("startedAt").isMissingNode()).isFalse();
    assertThat(started.json().path("allocationPeriods")).hasSize(1);
    assertConflictNaming(action(id, "start"), "RUNNING");
    assertConflictNaming(action(id, "resume"), "RUNNING");
    assertConflictNaming(experimenter().delete("api/v1/experiments/" + id), "RUNNING");

    assertThat(action(id, "pause").json().path("state").asText()).isEqualTo("PAUSED");
    assertConflictNaming(action(id, "pause"), "PAUSED");
    assertConflictNaming(action(id, "start"), "PAUSED");
    assertThat(action(id, "resume").json().path("state").asText()).isEqualTo("RUNNING");
    assertThat(action(id, "pause").status()).isEqualTo(200);

    ApiClient.Reply stopped = action(id, "stop");
    assertThat(stopped.json().path("state").asText()).isEqualTo("STOPPED");
    assertThat(stopped.json().path("endedAt").isMissingNode()).isFalse();
    for (String a : List.of("start", "pause", "resume", "stop", "rerandomize")) {
      assertConflictNaming(action(id, a), "STOPPED");
    }
    assertConflictNaming(
        experimenter().putJson("api/v1/experiments/" + id, writeOf(stopped.json()), "*"),
        "STOPPED");

    assertProblem(
        experimenter()
            .send(
                experimenter()
                    .request("api/v1/experiments/" + id + "/start")
                    .header("If-Match", "\"0\"")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())),
        412);
    assertProblem(action(UUID.randomUUID().toString(), "start"), 404);
    assertProblem(as("publisher").postJson("api/v1/experiments/" + id + "/stop", ""), 403);

    List<String> actions =
        experimenter()
            .get("api/v1/audit-events?targetType=EXPERIMENT&targetId=" + id)
            .json()
            .path("items")
            .findValuesAsText("action");
    assertThat(actions)
        .containsExactly(
            "EXPERIMENT_STOPPED",
            "EXPERIMENT_PAUSED",
            "EXPERIMENT_RESUMED",
            "EXPERIMENT_PAUSED",
            "EXPERIMENT_STARTED",
            "EXPERIMENT_CREATED");
  }

  @Test
  void oneRunningExperimentPerEntryAndGroup() throws Exception {
    RenderingFixtures.TwoVariants entry = sharedEntry();
    String shared = group("slot-a");
    String other = group("slot-b");
    String first = create(experiment(entry, List.of(shared))).path("id").asText();
    String second = create(experiment(entry, List.of(other, shared))).path("id").asText();
    String elsewhere = create(experiment(entry, List.of(other))).path("id").asText();

    assertThat(action(first, "start").status()).isEqualTo(200);
    JsonNode conflict = assertProblem(action(second, "start"), 409);
    assertThat(conflict.path("detail").asText()).contains(shared).contains(first);
    assertThat(experimenter().get("api/v1/experiments/" + second).json().path("state").asText())
        .as("nothing half-written")
        .isEqualTo("DRAFT");

    // a paused experiment keeps its slot
    assertThat(action(first, "pause").status()).isEqualTo(200);
    assertProblem(action(second, "start"), 409);
    // another group on the same entry is free
    assertThat(action(elsewhere, "start").status()).isEqualTo(200);
    assertThat(action(elsewhere, "stop").status()).isEqualTo(200);

    assertThat(action(first, "stop").status()).isEqualTo(200);
    assertThat(action(second, "start").status()).isEqualTo(200);
    assertThat(action(second, "stop").status()).isEqualTo(200);

    // two competing starts at the same moment: exactly one wins
    RenderingFixtures.TwoVariants entry2 = entry("race");
    String g = group("race");
    List<String> racers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racers.add(create(experiment(entry2, List.of(g))).path("id").asText());
    }
    ExecutorService pool = Executors.newFixedThreadPool(racers.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (String racer : racers) {
      Callable<Integer> start =
          () -> {
            go.await();
            return action(racer, "start").status();
          };
      results.add(pool.submit(start));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : results) {
      statuses.add(f.get());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(200, 409);
    assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
    assertThat(
            experimenter()
                .get("api/v1/experiments?entryId=" + entry2.entry() + "&state=RUNNING")
                .json()
                .path("items"))
        .hasSize(1);
  }

  @Test
  void editingARunningExperimentOpensAnAllocationPeriodAndKeepsItsStructure() {
    JsonNode x = create(experiment(sharedEntry(), List.of(group("period"))));
    String id = x.path("id").asText();
    JsonNode running = action(id, "start").json();
    String etag = "\"" + running.path("version").asLong() + "\"";

    Map<String, Object> reweighted = writeOf(running);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> arms = (List<Map<String, Object>>) reweighted.get("arms");
    arms.get(0).put("weight", 0.2);
    arms.get(1).put("weight", 0.8);
    reweighted.put("coverage", 0.5);
    ApiClient.Reply updated = experimenter().putJson("api/v1/experiments/" + id, reweighted, etag);
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    JsonNode periods = updated.json().path("allocationPeriods");
    assertThat(periods).hasSize(2);
    assertThat(periods.get(0).path("weights").get(0).asDouble()).isEqualTo(0.5);
    assertThat(periods.get(1).path("weights").get(0).asDouble()).isEqualTo(0.2);
    assertThat(periods.get(1).path("coverage").asDouble()).isEqualTo(0.5);

    Map<String, Object> newVariant = writeOf(updated.json());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> arms2 = (List<Map<String, Object>>) newVariant.get("arms");
    Object first = arms2.get(0).get("variantId");
    arms2.get(0).put("variantId", arms2.get(1).get("variantId"));
    arms2.get(1).put("variantId", first);
    assertConflictNaming(
        experimenter().putJson("api/v1/experiments/" + id, newVariant, "*"), "RUNNING");
    Map<String, Object> moreGroups = writeOf(updated.json());
    moreGroups.put("audienceGroupIds", List.of(group("period-2")));
    assertConflictNaming(
        experimenter().putJson("api/v1/experiments/" + id, moreGroups, "*"), "RUNNING");

    JsonNode rerandomized = action(id, "rerandomize").json();
    assertThat(rerandomized.path("bucketVersion").asInt()).isEqualTo(1);
    assertThat(rerandomized.path("allocationPeriods")).hasSize(3);
    assertThat(action(id, "stop").status()).isEqualTo(200);
  }

  @Test
  void invalidExperimentsAreRejectedWithFieldErrors() {
    RenderingFixtures.TwoVariants variants = entry("invalid");
    String entry = variants.entry();
    String group = group("invalid");
    String otherEntrysVariant = sharedEntry().first();

    Map<String, Object> weights = experiment(variants, List.of(group));
    weights.put(
        "arms",
        List.of(arm("A", variants.first(), true, 0.5), arm("B", variants.second(), false, 0.3)));
    assertFieldError(experimenter().postJson("api/v1/experiments", weights), "arms");

    Map<String, Object> twoControls = experiment(variants, List.of(group));
    twoControls.put(
        "arms",
        List.of(arm("A", variants.first(), true, 0.5), arm("B", variants.second(), true, 0.5)));
    assertFieldError(experimenter().postJson("api/v1/experiments", twoControls), "arms");

    Map<String, Object> oneArm = experiment(variants, List.of(group));
    oneArm.put("arms", List.of(arm("A", variants.first(), true, 1.0)));
    assertProblem(experimenter().postJson("api/v1/experiments", oneArm), 400);

    String variant = variants.first();
    Map<String, Object> sameVariant = experiment(variants, List.of(group));
    sameVariant.put("arms", List.of(arm("A", variant, true, 0.5), arm("B", variant, false, 0.5)));
    assertFieldError(
        experimenter().postJson("api/v1/experiments", sameVariant), "arms[1].variantId");

    Map<String, Object> badVariant = experiment(variants, List.of(group));
    badVariant.put(
        "arms",
        List.of(arm("A", "not-a-uuid", true, 0.5), arm("B", variants.second(), false, 0.5)));
    assertProblem(experimenter().postJson("api/v1/experiments", badVariant), 400);

    // an arm shows a variant rendered for this entry: not an unknown id, not another entry's
    Map<String, Object> unknown = experiment(variants, List.of(group));
    unknown.put(
        "arms",
        List.of(
            arm("Published", variants.first(), true, 0.5),
            arm("Ghost", UUID.randomUUID().toString(), false, 0.5)));
    JsonNode ghost =
        assertFieldError(
            experimenter().postJson("api/v1/experiments", unknown), "arms[1].variantId");
    assertThat(ghost.path("errors").findValuesAsText("field")).containsExactly("arms[1].variantId");
    assertThat(ghost.path("errors").get(0).path("message").asText()).contains("'Ghost'");
    Map<String, Object> foreign = experiment(variants, List.of(group));
    foreign.put(
        "arms",
        List.of(
            arm("Other entry's", otherEntrysVariant, true, 0.5),
            arm("Close-up", variants.second(), false, 0.5)));
    assertThat(
            assertFieldError(
                    experimenter().postJson("api/v1/experiments", foreign), "arms[0].variantId")
                .path("errors")
                .get(0)
                .path("message")
                .asText())
        .contains("'Other entry's'")
        .contains(entry);

    assertFieldError(
        experimenter()
            .postJson(
                "api/v1/experiments",
                experiment(
                    new RenderingFixtures.TwoVariants(
                        UUID.randomUUID().toString(), variants.first(), variants.second()),
                    List.of(group))),
        "entryId");
    assertFieldError(
        experimenter()
            .postJson(
                "api/v1/experiments",
                experiment(variants, List.of(group, UUID.randomUUID().toString()))),
        "audienceGroupIds[1]");

    Map<String, Object> qualified = experiment(variants, List.of(group));
    qualified.put("secondaryMetric", "QUALIFIED_PLAY");
    assertFieldError(
        experimenter().postJson("api/v1/experiments", qualified), "qualifiedPlaySeconds");

    Map<String, Object> coverage = experiment(variants, List.of(group));
    coverage.put("coverage", 1.5);
    assertFieldError(experimenter().postJson("api/v1/experiments", coverage), "coverage");

    Map<String, Object> schedule = experiment(variants, List.of(group));
    schedule.put("scheduleStart", "2027-01-02T00:00:00Z");
    schedule.put("scheduleEnd", "2027-01-01T00:00:00Z");
    assertFieldError(experimenter().postJson("api/v1/experiments", schedule), "scheduleEnd");

    assertThat(experimenter().get("api/v1/experiments?entryId=" + entry).json().path("items"))
        .as("nothing was created")
        .isEmpty();

    // the same check on update
    JsonNode draft = create(experiment(variants, List.of(group)));
    Map<String, Object> edited = writeOf(draft);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> arms = (List<Map<String, Object>>) edited.get("arms");
    arms.get(1).put("variantId", otherEntrysVariant);
    JsonNode refused =
        assertFieldError(
            experimenter()
                .putJson("api/v1/experiments/" + draft.path("id").asText(), edited, "\"0\""),
            "arms[1].variantId");
    assertThat(refused.path("errors").get(0).path("message").asText()).contains("'Close-up'");
    assertThat(
            experimenter()
                .get("api/v1/experiments/" + draft.path("id").asText())
                .json()
                .path("arms")
                .get(1)
                .path("variantId")
                .asText())
        .as("nothing half-written")
        .isEqualTo(variants.second());
    assertThat(experimenter().delete("api/v1/experiments/" + draft.path("id").asText()).status())
        .isEqualTo(204);
  }

  @Test
  void previewAnswersTheHashedArmWithoutRecording() {
    String group = group("preview");
    JsonNode x = create(experiment(sharedEntry(), List.of(group)));
    String id = x.path("id").asText();
    Map<String, Object> viewer = Map.of("viewerId", "viewer-ü-" + RUN);

    JsonNode draft =
        experimenter().postJson("api/v1/experiments/" + id + "/assignments/preview", viewer).json();
    assertThat(draft.path("enrolled").asBoolean()).as("DRAFT enrols nobody").isFalse();
    assertThat(draft.path("experimentState").asText()).isEqualTo("DRAFT");

    action(id, "start");
    ApiClient.Reply preview =
        experimenter().postJson("api/v1/experiments/" + id + "/assignments/preview", viewer);
    assertThat(preview.status()).as("%s", preview).isEqualTo(200);
    JsonNode p = preview.json();
    double bucket = GrowthBookHash.hash(x.path("seed").asText() + ":0", "viewer-ü-" + RUN, 2);
    assertThat(p.path("bucket").asDouble()).isEqualTo(bucket);
    assertThat(p.path("enrolled").asBoolean()).isTrue();
    assertThat(p.path("sticky").asBoolean()).isFalse();
    String expectedArm = x.path("arms").get(bucket < 0.5 ? 0 : 1).path("id").asText();
    assertThat(p.path("armId").asText()).isEqualTo(expectedArm);
    // previewing twice records nothing: still not sticky
    assertThat(
            experimenter()
                .postJson("api/v1/experiments/" + id + "/assignments/preview", viewer)
                .json()
                .path("sticky")
                .asBoolean())
        .isFalse();

    assertFieldError(
        experimenter()
            .postJson(
                "api/v1/experiments/" + id + "/assignments/preview",
                Map.of("viewerId", "v", "audienceGroupId", UUID.randomUUID().toString())),
        "audienceGroupId");
    assertProblem(
        experimenter()
            .postJson("api/v1/experiments/" + id + "/assignments/preview", Map.of("viewerId", "")),
        400);
    assertProblem(
        as("editor").postJson("api/v1/experiments/" + id + "/assignments/preview", viewer), 403);
    action(id, "stop");
  }

  @Test
  void resultsOfAFreshExperimentListEveryArmAndGroup() {
    String group = group("results");
    JsonNode x = create(experiment(sharedEntry(), List.of(group)));
    String id = x.path("id").asText();
    ApiClient.Reply r = as("publisher").get("api/v1/experiments/" + id + "/results");
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.path("primaryMetric").asText()).isEqualTo("CLICK_THROUGH");
    assertThat(body.path("pooled").path("arms")).hasSize(2);
    assertThat(body.path("pooled").path("arms").get(0).path("control").asBoolean()).isTrue();
    assertThat(body.path("pooled").path("arms").get(0).path("viewers").asLong()).isZero();
    assertThat(body.path("groups").get(0).path("audienceGroupId").asText()).isEqualTo(group);
    assertThat(body.path("srm")).isEmpty();
    assertThat(action(id, "start").status()).isEqualTo(200);
    assertThat(experimenter().get("api/v1/experiments/" + id + "/results").json().path("srm"))
        .hasSize(1);
    action(id, "stop");
    assertProblem(experimenter().get("api/v1/experiments/" + UUID.randomUUID() + "/results"), 404);
    assertProblem(as("outsider").get("api/v1/experiments/" + id + "/results"), 403);
  }

  @Test
  void erasingAViewerIsForAdministratorsOnly() {
    ApiClient.Reply erased = as("administrator").delete("api/v1/viewers/nobody-" + RUN);
    assertThat(erased.status()).as("%s", erased).isEqualTo(200);
    assertThat(erased.json().path("events").asInt()).isZero();
    assertThat(erased.json().path("assignments").asInt()).isZero();
    assertProblem(experimenter().delete("api/v1/viewers/nobody-" + RUN), 403);
    JsonNode audit =
        as("administrator").get("api/v1/audit-events?action=VIEWER_ERASED&limit=200").json();
    assertThat(audit.path("items").findValuesAsText("targetId"))
        .isNotEmpty()
        .allMatch(id -> id.matches("[0-9a-f]{64}"))
        .noneMatch(id -> id.contains("nobody"));
  }

  private static void assertConflictNaming(ApiClient.Reply reply, String state) {
    JsonNode problem = assertProblem(reply, 409);
    assertThat(problem.path("detail").asText()).contains(state);
  }
}
