package dev.marquee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.experiment.audience.ViewerContext;
import dev.marquee.experiment.enrolment.ViewerKeys;
import dev.marquee.experiment.feed.FeedAnswer;
import dev.marquee.experiment.feed.FeedEnrolment;
import dev.marquee.experiment.feed.FeedEntry;
import dev.marquee.experiment.feed.FeedQuery;
import dev.marquee.experiment.feed.FeedService;
import dev.marquee.experiment.feed.FeedSnapshots;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: the feed's snapshot follows changes made by another node (seen only through the
 * change log, with no event on this node), and returning viewers are answered without a database
 * round trip until another node erases one of them.
 */
@ExtendWith(ArquillianExtension.class)
class FeedRefreshIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Deployment
  static WebArchive deployment() {
    return MarqueeDeployment.war()
        .addClasses(FeedRefreshIT.class, ApiClient.class, ApiClient.Reply.class, ItImages.class);
  }

  @ArquillianResource URL base;
  @Inject CatalogService catalog;
  @Inject FeedService feed;
  @Inject FeedSnapshots snapshots;
  @Inject FeedEnrolment enrolment;
  @Inject ViewerKeys viewerKeys;
  @Inject UserTransaction tx;
  @PersistenceContext EntityManager em;

  private static <T> T await(Supplier<T> value, String what) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      T v = value.get();
      if (v != null) {
        return v;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(what + " did not happen within " + PATIENCE);
  }

  @Test
  void aChangeRecordedByAnotherNodeArrivesThroughThePoll() throws Exception {
    UUID id =
        catalog
            .create(
                new EntryDraft(
                    "refresh-" + RUN,
                    EntryKind.MOVIE,
                    null,
                    "Before",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                "it")
            .getId();
    await(() -> snapshots.current().catalog().byId().get(id), "the local change");

    // what another node's transaction leaves: the changed row and a change-log row, and no event
    // on this node
    long rebuildsBefore = snapshots.rebuilds();
    tx.begin();
    em.createNativeQuery("update catalog_entry set title = 'Renamed on node B' where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery("insert into delivery_change (segment, changed_at) values ('CATALOG', ?1)")
        .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
    tx.commit();
    Instant committed = Instant.now();
    FeedEntry renamed =
        await(
            () -> {
              FeedEntry e = snapshots.current().catalog().byId().get(id);
              return "Renamed on node B".equals(e.title()) ? e : null;
            },
            "the other node's change");
    assertNotNull(renamed);
    assertTrue(snapshots.rebuilds() > rebuildsBefore, "the poll rebuilt the catalog part");
    System.out.println(
        "FeedRefreshIT: another node's change was served after "
            + Duration.between(committed, Instant.now()).toMillis()
            + " ms");
  }

  @Test
  void returningViewersAreAnsweredWithoutADatabaseRoundTripUntilAnErasure() throws Exception {
    ApiClient editor = ApiClient.anonymous(base).as("editor");
    String app = "refresh-app-" + RUN;
    ApiClient.Reply entryCreated =
        editor.postJson(
            "api/v1/entries",
            Map.of("externalId", "refresh-x-" + RUN, "kind", "MOVIE", "title", "Hot path " + RUN));
    assertEquals(201, entryCreated.status(), entryCreated.toString());
    String entry = entryCreated.json().path("id").asText();
    for (long seed = 1; seed <= 2; seed++) {
      ApiClient.Reply uploaded =
          editor.postBytes(
              "api/v1/entries/" + entry + "/images", "image/jpeg", ItImages.jpeg(320, 180, seed));
      assertEquals(201, uploaded.status(), uploaded.toString());
    }
    String template = "refresh-" + RUN;
    Map<String, Object> definition =
        Map.of(
            "crop", Map.of("strategy", "CENTER"),
            "aspectRatio", "16:9",
            "sizes", List.of(Map.of("width", 160, "height", 90)),
            "format", Map.of("type", "JPEG", "quality", 85));
    ApiClient.Reply templateCreated =
        editor.postJson(
            "api/v1/templates",
            Map.of("name", template, "description", "IT template", "definition", definition));
    assertEquals(201, templateCreated.status(), templateCreated.toString());
    ApiClient.Reply job =
        editor.postJson(
            "api/v1/entries/" + entry + "/render-jobs", Map.of("templates", List.of(template)));
    assertEquals(202, job.status(), job.toString());
    await(
        () -> {
          String state = editor.get(job.header("Location")).json().path("state").asText();
          return state.equals("QUEUED") || state.equals("RUNNING") ? null : state;
        },
        "the render job");
    JsonNode variants = editor.get("api/v1/entries/" + entry + "/variants").json().path("items");
    assertEquals(2, variants.size());

    ApiClient experimenter = ApiClient.anonymous(base).as("experimenter");
    ApiClient.Reply group =
        experimenter.postJson(
            "api/v1/audience-groups",
            Map.of("name", "Hot path " + RUN, "rules", List.of(Map.of("apps", List.of(app)))));
    assertEquals(201, group.status(), group.toString());
    Map<String, Object> x = new HashMap<>();
    x.put("entryId", entry);
    x.put("name", "Hot path " + RUN);
    x.put("audienceGroupIds", List.of(group.json().path("id").asText()));
    x.put(
        "arms",
        List.of(
            Map.of(
                "name",
                "A",
                "variantId",
                variants.get(0).path("id").asText(),
                "control",
                true,
                "weight",
                0.5),
            Map.of(
                "name",
                "B",
                "variantId",
                variants.get(1).path("id").asText(),
                "control",
                false,
                "weight",
                0.5)));
    x.put("primaryMetric", "CLICK_THROUGH");
    ApiClient.Reply created = experimenter.postJson("api/v1/experiments", x);
    assertEquals(201, created.status(), created.toString());
    ApiClient.Reply started =
        experimenter.postJson(
            "api/v1/experiments/" + created.json().path("id").asText() + "/start", "");
    assertEquals(200, started.status(), started.toString());

    UUID entryId = UUID.fromString(entry);
    await(
        () -> source(answer(entryId, "viewer-0", app)) == FeedAnswer.Source.EXPERIMENT ? "" : null,
        "the running experiment");
    Map<String, UUID> first = new HashMap<>();
    for (int v = 0; v < 40; v++) {
      first.put("viewer-" + v, answer(entryId, "viewer-" + v, app).variant().id());
    }
    long calls = enrolment.databaseCalls();
    for (int round = 0; round < 5; round++) {
      for (int v = 0; v < 40; v++) {
        FeedAnswer.Item item = answer(entryId, "viewer-" + v, app);
        assertEquals(FeedAnswer.Source.EXPERIMENT, item.source());
        assertEquals(first.get("viewer-" + v), item.variant().id(), "sticky");
      }
    }
    assertEquals(calls, enrolment.databaseCalls(), "returning viewers cost no round trip");
    List<UUID> distinct = new ArrayList<>(new java.util.HashSet<>(first.values()));
    assertEquals(2, distinct.size(), "40 viewers over two arms");

    // An erasure on another node: the viewer's rows are deleted there and a VIEWERS change row
    // tells every node to forget the arms it remembers, so this node asks the database again and
    // records a new assignment instead of answering from what it remembered.
    String key = viewerKeys.keyOf("viewer-0-" + RUN);
    tx.begin();
    int erased =
        em.createNativeQuery("delete from experiment_assignment where viewer_key = ?1")
            .setParameter(1, key)
            .executeUpdate();
    em.createNativeQuery("insert into delivery_change (segment, changed_at) values ('VIEWERS', ?1)")
        .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
    tx.commit();
    assertEquals(1, erased, "viewer-0 had one recorded assignment");
    long beforeErasure = enrolment.databaseCalls();
    await(
        () -> {
          answer(entryId, "viewer-0", app);
          return enrolment.databaseCalls() > beforeErasure ? "" : null;
        },
        "forgetting the erased viewer's remembered arm");
    Number recorded =
        (Number)
            em.createNativeQuery("select count(*) from experiment_assignment where viewer_key = ?1")
                .setParameter(1, key)
                .getSingleResult();
    assertEquals(1, recorded.intValue(), "the viewer's next answer recorded a new assignment");
  }

  private FeedAnswer.Item answer(UUID entry, String viewer, String app) {
    FeedQuery q =
        new FeedQuery(
            List.of(FeedQuery.Requested.byId(entry)),
            null,
            viewer + "-" + RUN,
            new ViewerContext(null, null, null, null, null, null, null, null));
    return feed.answer(q, app).items().get(0);
  }

  private static FeedAnswer.Source source(FeedAnswer.Item item) {
    return item.source();
  }
}
