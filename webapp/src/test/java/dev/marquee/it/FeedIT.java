package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery feed through the deployed API, as a front-end app calls it: the resolution chain
 * (experiment → audience winner → default → fallback), sticky enrolment matching the assignment
 * preview, guardrails (kids and teens, entry age, region and cast rules, also while an experiment
 * runs) with their block counts, rows, ETags and caching headers, and every rejection.
 */
@ExtendWith(ArquillianExtension.class)
class FeedIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  /** Far above the documented bound (refresh interval + one rebuild), so slow machines pass. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient as(String user) {
    return ApiClient.anonymous(base).as(user);
  }

  /** A delivery app (named {@code name}) and its key. */
  private record App(String name, String key) {}

  private App app(String suffix) {
    return app(suffix, List.of(), 500, 1000);
  }

  private App app(String suffix, List<String> origins, int perSecond, int burst) {
    String name = "Feed " + suffix + " " + RUN;
    Map<String, Object> app = new HashMap<>();
    app.put("name", name);
    app.put("allowedOrigins", origins);
    app.put("rateLimit", Map.of("requestsPerSecond", perSecond, "burst", burst));
    app.put("enabled", true);
    ApiClient.Reply created = as("administrator").postJson("api/v1/delivery-apps", app);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    ApiClient.Reply key =
        as("administrator")
            .postJson(
                "api/v1/delivery-apps/" + created.json().path("id").asText() + "/keys",
                Map.of("label", "feed"));
    assertThat(key.status()).as("%s", key).isEqualTo(201);
    return new App(name, key.json().path("key").asText());
  }

  /** An audience group matching every viewer of the app (rules on the app name). */
  private String groupFor(App app) {
    Map<String, Object> g = new HashMap<>();
    g.put("name", app.name());
    g.put("rules", List.of(Map.of("apps", List.of(app.name()))));
    ApiClient.Reply r = as("experimenter").postJson("api/v1/audience-groups", g);
    assertThat(r.status()).as("%s", r).isEqualTo(201);
    return r.json().path("id").asText();
  }

  private ApiClient.Reply feed(App app, String query) {
    return feed(app.key(), query, null);
  }

  private ApiClient.Reply feed(String key, String query, String ifNoneMatch) {
    ApiClient anonymous = ApiClient.anonymous(base);
    HttpRequest.Builder b = anonymous.request("api/v1/delivery/feed?" + query);
    if (key != null) {
      b.header("X-Api-Key", key);
    }
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return anonymous.send(b.GET());
  }

  private JsonNode item(App app, String query) {
    ApiClient.Reply r = feed(app, query);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.json().path("items").get(0);
  }

  /** Polls the feed until the first item satisfies {@code done} (changes apply asynchronously). */
  private JsonNode awaitItem(App app, String query, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(PATIENCE);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      last = item(app, query);
      if (done.test(last)) {
        return last;
      }
      sleep(100);
    }
    throw new AssertionError("the feed did not change within " + PATIENCE + "; last: " + last);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void publish(String entry, String variant, String group) {
    Map<String, Object> p = new HashMap<>();
    p.put("entryId", entry);
    p.put("variantId", variant);
    p.put("reason", "Feed IT");
    if (group != null) {
      p.put("audienceGroupId", group);
    }
    ApiClient.Reply proposed = as("experimenter").postJson("api/v1/promotions", p);
    assertThat(proposed.status()).as("%s", proposed).isEqualTo(201);
    String id = proposed.json().path("id").asText();
    for (String action : List.of("approve", "publish")) {
      ApiClient publisher = as("publisher");
      ApiClient.Reply r =
          publisher.send(
              publisher
                  .request("api/v1/promotions/" + id + "/" + action)
                  .header("Content-Type", "application/json")
                  .header("If-Match", "*")
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(r.status()).as("%s %s", action, r).isEqualTo(200);
    }
  }

  private JsonNode startExperiment(String entry, String group, String control, String treatment) {
    Map<String, Object> x = new HashMap<>();
    x.put("entryId", entry);
    x.put("name", "Feed " + RUN + " " + entry);
    x.put("audienceGroupIds", List.of(group));
    x.put(
        "arms",
        List.of(
            Map.of("name", "Control", "variantId", control, "control", true, "weight", 0.5),
            Map.of("name", "Treatment", "variantId", treatment, "control", false, "weight", 0.5)));
    x.put("primaryMetric", "CLICK_THROUGH");
    ApiClient.Reply created = as("experimenter").postJson("api/v1/experiments", x);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().path("id").asText();
    ApiClient.Reply started =
        as("experimenter").postJson("api/v1/experiments/" + id + "/start", "");
    assertThat(started.status()).as("%s", started).isEqualTo(200);
    return started.json();
  }

  /** Replaces the guardrail policy (as a publisher) with the current ETag. */
  private void guardrails(Map<String, Object> policy) {
    String etag = as("publisher").get("api/v1/guardrails").header("ETag");
    ApiClient.Reply r = as("publisher").putJson("api/v1/guardrails", policy, etag);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
  }

  private static Map<String, Object> policy(
      List<Map<String, Object>> flags, List<Map<String, Object>> regionRules) {
    return Map.of(
        "maturityFlags",
        flags,
        "ageLimits",
        Map.of("kids", 7, "teen", 16),
        "regionRules",
        regionRules);
  }

  @Test
  void theChainFallsBackFromExperimentToWinnerToDefaultToTheOldestVariant() {
    App app = app("chain");
    String group = groupFor(app);
    RenderingFixtures.TwoVariants f =
        RenderingFixtures.entryWithTwoVariants(as("editor"), "feed-chain-" + RUN);
    String query = "entries=" + f.entry() + "&viewerId=chain-viewer-1";

    // nothing published: the oldest variant
    JsonNode fallback = awaitItem(app, query, i -> "OK".equals(i.path("status").asText()));
    assertThat(fallback.path("source").asText()).isEqualTo("FALLBACK");
    assertThat(fallback.path("variantId").asText()).isEqualTo(f.first());
    assertThat(fallback.path("entryId").asText()).isEqualTo(f.entry());
    assertThat(fallback.path("externalId").asText()).isEqualTo("feed-chain-" + RUN);
    assertThat(fallback.path("title").asText()).isEqualTo("Artwork feed-chain-" + RUN);
    assertThat(fallback.has("tracking")).isFalse();
    JsonNode rendition = fallback.path("renditions").get(0);
    assertThat(rendition.path("url").asText()).matches("/assets/[0-9a-f]{64}\\.jpg");
    assertThat(rendition.path("width").asInt()).isEqualTo(160);
    assertThat(rendition.path("height").asInt()).isEqualTo(90);
    assertThat(rendition.path("format").asText()).isEqualTo("JPEG");
    // the URL really serves the rendition
    ApiClient.Reply asset =
        ApiClient.anonymous(base).get(rendition.path("url").asText().substring(1));
    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.contentType()).isEqualTo("image/jpeg");

    // the localised title for a German viewer
    assertThat(item(app, query + "&language=de-DE").path("title").asText())
        .isEqualTo("Artwork feed-chain-" + RUN + " (de)");

    // default artwork for everyone
    publish(f.entry(), f.second(), null);
    JsonNode byDefault = awaitItem(app, query, i -> "DEFAULT".equals(i.path("source").asText()));
    assertThat(byDefault.path("variantId").asText()).isEqualTo(f.second());

    // a winner for the viewer's audience group beats the default
    publish(f.entry(), f.first(), group);
    JsonNode winner =
        awaitItem(app, query, i -> "AUDIENCE_WINNER".equals(i.path("source").asText()));
    assertThat(winner.path("variantId").asText()).isEqualTo(f.first());

    // a running experiment beats both; the arm is the one the assignment preview names, sticky
    JsonNode x = startExperiment(f.entry(), group, f.first(), f.second());
    String experimentId = x.path("id").asText();
    Map<String, String> variantOfArm = new HashMap<>();
    x.path("arms")
        .forEach(a -> variantOfArm.put(a.path("id").asText(), a.path("variantId").asText()));
    Set<String> armsSeen = new HashSet<>();
    for (int v = 0; v < 20; v++) {
      String viewer = "chain-viewer-" + v;
      String q = "entries=" + f.entry() + "&viewerId=" + viewer;
      JsonNode enrolled = awaitItem(app, q, i -> "EXPERIMENT".equals(i.path("source").asText()));
      JsonNode tracking = enrolled.path("tracking");
      assertThat(tracking.path("experimentId").asText()).isEqualTo(experimentId);
      assertThat(tracking.path("audienceGroupId").asText()).isEqualTo(group);
      String arm = tracking.path("armId").asText();
      assertThat(enrolled.path("variantId").asText()).isEqualTo(variantOfArm.get(arm));
      ApiClient.Reply preview =
          as("experimenter")
              .postJson(
                  "api/v1/experiments/" + experimentId + "/assignments/preview",
                  Map.of("viewerId", viewer, "audienceGroupId", group));
      assertThat(preview.status()).as("%s", preview).isEqualTo(200);
      assertThat(preview.json().path("armId").asText()).as("preview of %s", viewer).isEqualTo(arm);
      assertThat(item(app, q).path("tracking").path("armId").asText()).isEqualTo(arm);
      armsSeen.add(arm);
    }
    assertThat(armsSeen).as("20 viewers over two 50% arms").hasSize(2);

    // an event sent with the tracking ids is accepted
    JsonNode enrolled = item(app, "entries=" + f.entry() + "&viewerId=chain-viewer-0");
    ApiClient events = ApiClient.anonymous(base);
    ApiClient.Reply sent =
        events.send(
            events
                .request("api/v1/delivery/events")
                .header("X-Api-Key", app.key())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"events\":[{\"eventId\":\"feed-"
                            + RUN
                            + "\",\"type\":\"IMPRESSION\",\"experimentId\":\""
                            + enrolled.path("tracking").path("experimentId").asText()
                            + "\",\"armId\":\""
                            + enrolled.path("tracking").path("armId").asText()
                            + "\",\"audienceGroupId\":\""
                            + group
                            + "\",\"viewerId\":\"chain-viewer-0\",\"occurredAt\":\""
                            + Instant.now().minusSeconds(2)
                            + "\"}]}")));
    assertThat(sent.status()).as("%s", sent).isEqualTo(200);
    assertThat(sent.json().path("accepted").asInt()).isEqualTo(1);

    // without a viewer id nobody is enrolled: the group's winner
    assertThat(item(app, "entries=" + f.entry()).path("source").asText())
        .isEqualTo("AUDIENCE_WINNER");
  }

  @Test
  void kidsNeverSeeAFlaggedVariantAlsoWhileAnExperimentRuns() {
    App app = app("kids");
    String group = groupFor(app);
    ApiClient editor = as("editor");
    String name = "feed-kids-" + RUN;
    String entry = RenderingFixtures.createEntry(editor, name, "Kids " + name);
    String calm = RenderingFixtures.seedImage(editor, entry, "chelsea.png");
    String scary = RenderingFixtures.seedImage(editor, entry, "rocket.jpg");
    String horrorTag = "HORROR-" + RUN;
    ApiClient.Reply tagged =
        editor.postJson(
            "api/v1/entries/" + entry + "/tags",
            Map.of("kind", "THEME", "value", horrorTag, "source", "MANUAL"));
    assertThat(tagged.status()).as("%s", tagged).isIn(200, 201);
    String tagId = tagged.json().path("tagId").asText();
    ApiClient.Reply region =
        editor.putJson(
            "api/v1/images/" + scary + "/regions/" + tagId,
            Map.of("rect", Map.of("x", 0.2, "y", 0.2, "width", 0.4, "height", 0.4)),
            null);
    assertThat(region.status()).as("%s", region).isIn(200, 201);
    RenderingFixtures.createTemplate(
        editor, name, RenderingFixtures.heroDefinition(List.of(RenderingFixtures.size(160, 90))));
    ApiClient.Reply job =
        editor.postJson(
            "api/v1/entries/" + entry + "/render-jobs", Map.of("templates", List.of(name)));
    assertThat(job.status()).as("%s", job).isEqualTo(202);
    RenderingFixtures.awaitJob(editor, job.header("Location"));
    String calmVariant = null;
    String scaryVariant = null;
    for (JsonNode v : editor.get("api/v1/entries/" + entry + "/variants").json().path("items")) {
      if (v.path("imageId").asText().equals(calm)) {
        calmVariant = v.path("id").asText();
      } else if (!v.has("tagId")) {
        scaryVariant = v.path("id").asText();
      }
    }
    assertThat(calmVariant).isNotNull();
    assertThat(scaryVariant).isNotNull();

    // the scary still is the default artwork and competes in an experiment
    publish(entry, scaryVariant, null);
    JsonNode x = startExperiment(entry, group, calmVariant, scaryVariant);
    String experimentId = x.path("id").asText();
    guardrails(
        policy(
            List.of(Map.of("tag", "THEME:" + horrorTag, "blockedFor", List.of("KIDS", "TEEN"))),
            List.of()));

    String adults = "entries=" + entry + "&viewerId=kid-or-not-";
    Set<String> adultVariants = new HashSet<>();
    for (int v = 0; v < 30; v++) {
      String calmId = calmVariant;
      JsonNode kid =
          awaitItem(
              app,
              adults + v + "&profileType=KIDS",
              i ->
                  calmId.equals(i.path("variantId").asText())
                      && !"EXPERIMENT".equals(i.path("source").asText()));
      assertThat(kid.path("variantId").asText()).as("kid %s", v).isEqualTo(calmVariant);
      assertThat(kid.path("source").asText()).isEqualTo("FALLBACK");
      assertThat(kid.has("tracking")).as("kids are not enrolled").isFalse();
      JsonNode teen = item(app, adults + v + "&profileType=TEEN");
      assertThat(teen.path("variantId").asText()).isEqualTo(calmVariant);
      JsonNode adult = item(app, adults + v);
      assertThat(adult.path("source").asText()).isEqualTo("EXPERIMENT");
      adultVariants.add(adult.path("variantId").asText());
    }
    assertThat(adultVariants)
        .as("adults see both arms")
        .containsExactlyInAnyOrder(calmVariant, scaryVariant);

    // the blocks are counted and visible to experimenters (flushed every few seconds)
    Instant deadline = Instant.now().plus(PATIENCE);
    JsonNode totals;
    do {
      sleep(500);
      totals =
          as("experimenter").get("api/v1/guardrail-blocks?experimentId=" + experimentId).json();
    } while (totals.path("totals").isEmpty() && Instant.now().isBefore(deadline));
    assertThat(totals.path("totals")).isNotEmpty();
    JsonNode first = totals.path("totals").get(0);
    assertThat(first.path("entryId").asText()).isEqualTo(entry);
    assertThat(first.path("variantId").asText()).isEqualTo(scaryVariant);
    assertThat(first.path("source").asText()).isEqualTo("EXPERIMENT");
    assertThat(first.path("rule").asText()).isEqualTo("MATURITY_TAG");
    assertThat(first.path("audienceGroupId").asText()).isEqualTo(group);
    assertThat(first.path("count").asLong()).isGreaterThan(0);
    assertThat(as("editor").get("api/v1/guardrail-blocks?entryId=" + entry).json().path("totals"))
        .isNotEmpty();

    guardrails(policy(List.of(), List.of()));
  }

  @Test
  void ageLimitsBlockWholeEntriesAndRegionRulesForbidCastAndVariants() {
    App app = app("age");
    groupFor(app);
    RenderingFixtures.TwoVariants f =
        RenderingFixtures.entryWithTwoVariants(as("editor"), "feed-age-" + RUN);
    String etag = as("editor").get("api/v1/entries/" + f.entry()).header("ETag");
    JsonNode entry = as("editor").get("api/v1/entries/" + f.entry()).json();
    Map<String, Object> rated = new HashMap<>();
    rated.put("externalId", entry.path("externalId").asText());
    rated.put("kind", "MOVIE");
    rated.put("title", entry.path("title").asText());
    rated.put("maturityRating", Map.of("scheme", "MPAA", "value", "R", "minimumAge", 17));
    ApiClient.Reply updated = as("editor").putJson("api/v1/entries/" + f.entry(), rated, etag);
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);

    String query = "entries=" + f.entry();
    JsonNode teen =
        awaitItem(
            app, query + "&profileType=TEEN", i -> "BLOCKED".equals(i.path("status").asText()));
    assertThat(teen.has("variantId")).isFalse();
    assertThat(item(app, query + "&profileType=KIDS").path("status").asText()).isEqualTo("BLOCKED");
    assertThat(item(app, query).path("status").asText()).isEqualTo("OK");

    // the oldest variant forbidden in Germany: German viewers get the next one
    guardrails(
        policy(List.of(), List.of(Map.of("countries", List.of("DE"), "variantId", f.first()))));
    JsonNode german =
        awaitItem(app, query + "&country=DE", i -> f.second().equals(i.path("variantId").asText()));
    assertThat(german.path("source").asText()).isEqualTo("FALLBACK");
    assertThat(item(app, query + "&country=FR").path("variantId").asText()).isEqualTo(f.first());

    // a cast member forbidden in a subdivision: every variant carrying CAST:<name>
    String person = "Person " + RUN;
    ApiClient.Reply cast =
        as("editor")
            .postJson(
                "api/v1/entries/" + f.entry() + "/tags",
                Map.of("kind", "CAST", "value", person, "source", "MANUAL"));
    assertThat(cast.status()).as("%s", cast).isIn(200, 201);
    String castTag = cast.json().path("tagId").asText();
    JsonNode images = as("editor").get("api/v1/entries/" + f.entry() + "/images").json();
    for (JsonNode image : images.path("items")) {
      ApiClient.Reply r =
          as("editor")
              .putJson(
                  "api/v1/images/" + image.path("id").asText() + "/regions/" + castTag,
                  Map.of("rect", Map.of("x", 0.1, "y", 0.1, "width", 0.3, "height", 0.3)),
                  null);
      assertThat(r.status()).as("%s", r).isIn(200, 201);
    }
    guardrails(
        policy(
            List.of(), List.of(Map.of("regions", List.of("US-CA"), "cast", person.toUpperCase()))));
    JsonNode californian =
        awaitItem(
            app,
            query + "&country=US&region=US-CA",
            i -> "NO_ARTWORK".equals(i.path("status").asText()));
    assertThat(californian.has("renditions")).isFalse();
    assertThat(item(app, query + "&country=US&region=US-NY").path("status").asText())
        .isEqualTo("OK");
    guardrails(policy(List.of(), List.of()));
  }

  @Test
  void rowsEtagsAndCachingHeaders() {
    App app = app("rows");
    groupFor(app);
    RenderingFixtures.TwoVariants f =
        RenderingFixtures.entryWithTwoVariants(as("editor"), "feed-rows-" + RUN);
    String row = "feed-it-" + RUN;
    ApiClient.Reply created =
        as("editor")
            .putJson(
                "api/v1/feed-rows/" + row,
                Map.of("title", "Featured " + RUN, "entryIds", List.of(f.entry())),
                null);
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.header("Location")).endsWith("/api/v1/feed-rows/" + row);
    // replacing needs If-Match
    assertProblem(
        as("editor")
            .putJson(
                "api/v1/feed-rows/" + row,
                Map.of("title", "Featured", "entryIds", List.of(f.entry())),
                null),
        428);
    assertProblem(
        as("editor")
            .putJson(
                "api/v1/feed-rows/" + row,
                Map.of("title", "Featured", "entryIds", List.of(f.entry())),
                "\"7\""),
        412);
    assertFieldError(
        as("editor")
            .putJson(
                "api/v1/feed-rows/" + row,
                Map.of("title", "Featured", "entryIds", List.of(UUID.randomUUID().toString())),
                "\"0\""),
        "entryIds[0]");
    assertProblem(
        as("experimenter")
            .putJson(
                "api/v1/feed-rows/other-" + RUN,
                Map.of("title", "X", "entryIds", List.of(f.entry())),
                null),
        403);

    // the row through the feed, with an explicit unknown entry before it
    String unknown = UUID.randomUUID().toString();
    String query = "entries=" + unknown + "&externalIds=no-such-" + RUN + "&row=" + row;
    ApiClient.Reply answer;
    Instant deadline = Instant.now().plus(PATIENCE);
    do {
      answer = feed(app, query);
      sleep(100);
    } while (answer.status() == 404 && Instant.now().isBefore(deadline));
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    JsonNode items = answer.json().path("items");
    assertThat(items).hasSize(3);
    assertThat(items.get(0).path("requested").asText()).isEqualTo(unknown);
    assertThat(items.get(0).path("status").asText()).isEqualTo("NOT_FOUND");
    assertThat(items.get(1).path("requested").asText()).isEqualTo("no-such-" + RUN);
    assertThat(items.get(1).path("status").asText()).isEqualTo("NOT_FOUND");
    assertThat(items.get(2).path("entryId").asText()).isEqualTo(f.entry());
    assertThat(items.get(2).path("status").asText()).isEqualTo("OK");
    assertThat(answer.json().path("audienceGroup").path("name").asText()).isEqualTo(app.name());
    assertThat(answer.json().path("heldOut").asBoolean()).isFalse();

    // not personalised: public caching; ETag revalidation answers 304
    assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=10");
    assertThat(answer.header("Vary")).contains("X-Api-Key").contains("Origin");
    String etag = answer.header("ETag");
    assertThat(etag).matches("\"[A-Za-z0-9_-]{16}\"");
    ApiClient.Reply again = feed(app.key(), query, etag);
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.header("ETag")).isEqualTo(etag);
    assertThat(feed(app.key(), query, "\"other\"").status()).isEqualTo(200);
    // personalised: private
    ApiClient.Reply personal = feed(app, query + "&viewerId=rows-viewer");
    assertThat(personal.header("Cache-Control")).isEqualTo("private, no-cache");

    // the POST form gives the same answer and ETag
    ApiClient anonymous = ApiClient.anonymous(base);
    ApiClient.Reply posted =
        anonymous.send(
            anonymous
                .request("api/v1/delivery/feed")
                .header("X-Api-Key", app.key())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"entries\":[\""
                            + unknown
                            + "\"],\"externalIds\":[\"no-such-"
                            + RUN
                            + "\"],\"row\":\""
                            + row
                            + "\"}")));
    assertThat(posted.status()).as("%s", posted).isEqualTo(200);
    assertThat(posted.header("ETag")).isEqualTo(etag);
    assertThat(posted.header("Cache-Control")).isEqualTo("no-store");

    // the rows an app can ask for
    JsonNode rows = feed(app.key(), "", null).json();
    ApiClient.Reply listed =
        anonymous.send(
            anonymous.request("api/v1/delivery/rows").header("X-Api-Key", app.key()).GET());
    assertThat(listed.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    listed.json().path("rows").forEach(r -> names.add(r.path("name").asText()));
    assertThat(names).contains(row);
    assertThat(rows.path("items")).isEmpty();

    // deleting the row: the feed answers 404 for it (after the refresh)
    assertThat(as("editor").delete("api/v1/feed-rows/" + row).status()).isEqualTo(204);
    deadline = Instant.now().plus(PATIENCE);
    do {
      answer = feed(app, "row=" + row);
      sleep(100);
    } while (answer.status() == 200 && Instant.now().isBefore(deadline));
    assertProblem(answer, 404);
    assertProblem(as("editor").get("api/v1/feed-rows/" + row), 404);
  }

  /**
   * Valid GETs are answered by the feed servlet before JAX-RS ({@code FeedServlet}); everything
   * else is forwarded to the resource. Both must answer alike, and a forwarded request must count
   * against the rate limit once.
   */
  @Test
  void theFastPathAnswersAsTheResourceDoes() {
    String origin = "https://tv-feed-" + RUN + ".example.com";
    App app = app("fast", List.of(origin), 500, 1000);
    groupFor(app);
    RenderingFixtures.TwoVariants f =
        RenderingFixtures.entryWithTwoVariants(as("editor"), "feed-fast-" + RUN);
    String query = "entries=" + f.entry() + "&viewerId=fast-viewer&country=DE";
    awaitItem(app, query, i -> i.path("status").asText().equals("OK"));

    ApiClient anonymous = ApiClient.anonymous(base);
    ApiClient.Reply fast =
        anonymous.send(
            anonymous
                .request("api/v1/delivery/feed?" + query)
                .header("X-Api-Key", app.key())
                .header("Origin", origin)
                .GET());
    // a repeated parameter is outside what the servlet answers itself: JAX-RS takes the first
    ApiClient.Reply forwarded =
        anonymous.send(
            anonymous
                .request("api/v1/delivery/feed?" + query + "&country=DE")
                .header("X-Api-Key", app.key())
                .header("Origin", origin)
                .GET());
    for (ApiClient.Reply r : List.of(fast, forwarded)) {
      assertThat(r.status()).as("%s", r).isEqualTo(200);
      assertThat(r.header("Content-Type")).startsWith("application/json");
      assertThat(r.header("Vary")).contains("Authorization", "X-Api-Key", "Origin");
      assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(origin);
      assertThat(r.header("Access-Control-Expose-Headers")).contains("ETag");
      assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(r.header("Content-Security-Policy")).contains("default-src 'none'");
    }
    assertThat(forwarded.text()).isEqualTo(fast.text());
    assertThat(forwarded.header("ETag")).isEqualTo(fast.header("ETag"));
    assertThat(forwarded.header("Cache-Control"))
        .isEqualTo(fast.header("Cache-Control"))
        .isEqualTo("private, no-cache");

    ApiClient.Reply otherOrigin =
        anonymous.send(
            anonymous
                .request("api/v1/delivery/feed?" + query)
                .header("X-Api-Key", app.key())
                .header("Origin", "https://elsewhere-" + RUN + ".example.com")
                .GET());
    assertThat(otherOrigin.status()).isEqualTo(200);
    assertThat(otherOrigin.header("Access-Control-Allow-Origin")).isNull();
    ApiClient.Reply head =
        anonymous.send(
            anonymous
                .request("api/v1/delivery/feed?" + query)
                .header("X-Api-Key", app.key())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("ETag")).isEqualTo(fast.header("ETag"));
    assertProblem(
        anonymous.send(
            anonymous
                .request("api/v1/delivery/feed?" + query)
                .header("X-Api-Key", app.key())
                .DELETE()),
        405);
    // a malformed escape is refused by Undertow's request parser, before any servlet runs
    RawHttp.Reply badEscape =
        RawHttp.get(
            base, "/api/v1/delivery/feed?entries=" + f.entry() + "%zz", "X-Api-Key: " + app.key());
    assertThat(badEscape.status()).as(badEscape.text()).isEqualTo(400);
    // a well-formed escape of a byte that is not UTF-8 reaches the feed and is named
    assertFieldError(feed(app, "entries=%FF"), "entries[0]");
    assertFieldError(feed(app, "viewerId=%FF&entries=" + f.entry() + ",%C3%28"), "entries[1]");

    // burst 5: the forwarded 404 takes one token, so at least four more requests pass (refills
    // over a slow run only add to them)
    App limited = app("fast-limited", List.of(), 1, 5);
    assertProblem(feed(limited, "row=no-such-row-" + RUN), 404);
    int passed = 0;
    ApiClient.Reply r;
    while ((r = feed(limited, query)).status() == 200 && passed < 100) {
      passed++;
    }
    assertThat(passed).as("requests answered before the limit").isGreaterThanOrEqualTo(4);
    assertProblem(r, 429);
    assertThat(r.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void badRequestsGetProblemsNeverAServerError() {
    App app = app("bad");
    assertProblem(feed(null, "entries=" + UUID.randomUUID(), null), 401);
    assertProblem(feed("mqk_nope_nope", "entries=" + UUID.randomUUID(), null), 401);
    assertFieldError(feed(app, "entries=not-a-uuid"), "entries[0]");
    assertFieldError(feed(app, "watched=" + UUID.randomUUID() + ",x"), "watched[1]");
    assertFieldError(feed(app, "affinity=" + q("THEME:romance")), "affinity[0]");
    assertFieldError(feed(app, "affinity=" + q("THEME:romance=lots")), "affinity[0]");
    assertFieldError(
        feed(app, "affinity=" + q("MOOD:romance=0.5")), "tagAffinities['MOOD:romance']");
    assertFieldError(
        feed(app, "affinity=" + q("THEME:romance=1.5")), "tagAffinities['THEME:romance']");
    assertFieldError(feed(app, "language=" + q("not a tag")), "language");
    assertProblem(feed(app, "profileType=ALIEN"), 400);
    assertProblem(feed(app, "country=germany"), 400);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      many.append(i == 0 ? "" : ",").append(UUID.randomUUID());
    }
    assertFieldError(feed(app, "entries=" + many), "entries");
    assertProblem(feed(app, "row=no-such-row-" + RUN), 404);
    assertProblem(feed(app, "row=Not_A_Name"), 400);

    ApiClient anonymous = ApiClient.anonymous(base);
    for (String body :
        List.of(
            "{",
            "{\"entries\":[\"x\"]}",
            "{\"viewer\":{\"profileType\":\"ALIEN\"}}",
            "{\"surprise\":1}")) {
      ApiClient.Reply r =
          anonymous.send(
              anonymous
                  .request("api/v1/delivery/feed")
                  .header("X-Api-Key", app.key())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertProblem(r, 400);
    }
    ApiClient.Reply wrongType =
        anonymous.send(
            anonymous
                .request("api/v1/delivery/feed")
                .header("X-Api-Key", app.key())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("entries")));
    assertProblem(wrongType, 415);

    // guardrail policy rejections
    String etag = as("publisher").get("api/v1/guardrails").header("ETag");
    assertProblem(
        as("publisher").putJson("api/v1/guardrails", policy(List.of(), List.of()), null), 428);
    assertProblem(
        as("publisher").putJson("api/v1/guardrails", policy(List.of(), List.of()), "\"999999\""),
        412);
    assertProblem(
        as("experimenter").putJson("api/v1/guardrails", policy(List.of(), List.of()), etag), 403);
    assertFieldError(
        as("publisher")
            .putJson(
                "api/v1/guardrails",
                policy(
                    List.of(
                        Map.of("tag", "THEME:x", "template", "t", "blockedFor", List.of("KIDS"))),
                    List.of()),
                etag),
        "maturityFlags[0]");
    assertFieldError(
        as("publisher")
            .putJson(
                "api/v1/guardrails",
                policy(
                    List.of(Map.of("tag", "nonsense", "blockedFor", List.of("KIDS"))), List.of()),
                etag),
        "maturityFlags[0].tag");
    assertFieldError(
        as("publisher")
            .putJson(
                "api/v1/guardrails",
                policy(
                    List.of(),
                    List.of(
                        Map.of(
                            "countries",
                            List.of("DE"),
                            "variantId",
                            UUID.randomUUID().toString()))),
                etag),
        "regionRules[0].variantId");
    assertFieldError(
        as("publisher")
            .putJson(
                "api/v1/guardrails", policy(List.of(), List.of(Map.of("cast", "Someone"))), etag),
        "regionRules[0]");
    assertProblem(
        as("experimenter").get("api/v1/guardrail-blocks?from=2026-01-10&to=2026-01-01"), 400);
    assertProblem(
        as("experimenter").get("api/v1/guardrail-blocks?from=2025-01-01&to=2026-01-01"), 400);
    assertThat(as("publisher").get("api/v1/guardrails").header("ETag")).isEqualTo(etag);
  }
}
