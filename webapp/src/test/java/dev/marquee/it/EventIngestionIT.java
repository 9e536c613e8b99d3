package dev.marquee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.audience.AudienceDraft;
import dev.marquee.experiment.audience.AudienceService;
import dev.marquee.experiment.audience.rules.AudienceRule;
import dev.marquee.experiment.enrolment.AssignmentService;
import dev.marquee.experiment.enrolment.ViewerKeys;
import dev.marquee.experiment.events.EventIngestion;
import dev.marquee.experiment.events.EventOutcome;
import dev.marquee.experiment.events.EventRetention;
import dev.marquee.experiment.events.EventType;
import dev.marquee.experiment.events.IncomingEvent;
import dev.marquee.experiment.events.ViewerErasureService;
import dev.marquee.experiment.lifecycle.ArmDraft;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentDraft;
import dev.marquee.experiment.lifecycle.ExperimentMetric;
import dev.marquee.experiment.lifecycle.ExperimentMode;
import dev.marquee.experiment.lifecycle.ExperimentService;
import dev.marquee.experiment.results.ArmSummary;
import dev.marquee.experiment.results.ResultsService;
import dev.marquee.experiment.results.ResultsSummary;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: the event ingestion service (the delivery endpoint that will call it needs per-app
 * API keys): idempotency, validation, exact aggregates under concurrency, retention and erasure.
 */
@ExtendWith(ArquillianExtension.class)
class EventIngestionIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment
  static WebArchive deployment() {
    return MarqueeDeployment.war().addClasses(EventIngestionIT.class, RenderedVariants.class);
  }

  @Inject CatalogService catalog;
  @Inject AudienceService audiences;
  @Inject ExperimentService experiments;
  @Inject EventIngestion ingestion;
  @Inject RenderedVariants variants;
  @Inject ViewerErasureService erasure;
  @Inject EventRetention retention;
  @Inject ViewerKeys viewerKeys;
  @Inject ResultsService results;
  @Inject AssignmentService assignments;
  @PersistenceContext EntityManager em;

  record Setup(Experiment experiment, UUID group, UUID control, UUID treatment) {}

  Setup running(String name) {
    UUID entry =
        catalog
            .create(
                new EntryDraft(
                    name + "-" + RUN,
                    EntryKind.MOVIE,
                    null,
                    name,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                "it")
            .getId();
    List<UUID> shown = variants.render(entry, name + "-" + RUN, 2);
    UUID group =
        audiences
            .create(
                new AudienceDraft(
                    name + " " + RUN,
                    null,
                    List.of(
                        new AudienceRule(
                            null, null, null, null, null, null, Set.of(name + RUN), null))),
                "it")
            .getId();
    Experiment x =
        experiments.create(
            new ExperimentDraft(
                entry,
                name,
                List.of(group),
                List.of(
                    new ArmDraft("A", shown.get(0), true, 0.5),
                    new ArmDraft("B", shown.get(1), false, 0.5)),
                1.0,
                ExperimentMetric.CLICK_THROUGH,
                ExperimentMetric.QUALIFIED_PLAY,
                60,
                null,
                ExperimentMode.AB,
                null,
                null,
                false),
            "it");
    Experiment started = experiments.start(x.getId(), null, "it");
    return new Setup(
        started, group, started.getArms().get(0).getId(), started.getArms().get(1).getId());
  }

  static IncomingEvent event(
      String id, Setup s, UUID arm, String viewer, EventType type, Integer seconds) {
    return new IncomingEvent(
        id,
        s.experiment().getId(),
        arm,
        s.group(),
        viewer,
        type,
        Instant.now().minusSeconds(30),
        seconds);
  }

  long[] daily(Setup s, UUID arm) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select coalesce(sum(impressions),0), coalesce(sum(clicks),0),"
                        + " coalesce(sum(plays),0), coalesce(sum(qualified_plays),0),"
                        + " coalesce(sum(viewers_exposed),0), coalesce(sum(viewers_clicked),0),"
                        + " coalesce(sum(viewers_played),0), coalesce(sum(viewers_qualified),0)"
                        + " from experiment_daily_counts where experiment_id = ?1 and arm_id = ?2")
                .setParameter(1, s.experiment().getId())
                .setParameter(2, arm)
                .getSingleResult();
    long[] out = new long[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = ((Number) row[i]).longValue();
    }
    return out;
  }

  long[] sums(Setup s, UUID arm) {
    List<?> rows =
        em.createNativeQuery(
                "select viewers, sum_m, sum_d, sum_mm, sum_dd, sum_md from experiment_ratio_sums"
                    + " where experiment_id = ?1 and arm_id = ?2")
            .setParameter(1, s.experiment().getId())
            .setParameter(2, arm)
            .getResultList();
    if (rows.isEmpty()) {
      return new long[6];
    }
    Object[] row = (Object[]) rows.get(0);
    long[] out = new long[row.length];
    for (int i = 0; i < row.length; i++) {
      out[i] = ((Number) row[i]).longValue();
    }
    return out;
  }

  @Test
  void aRetriedBatchCountsOnceAndAggregatesAreExact() {
    Setup s = running("idem");
    String p = RUN + "-idem-";
    List<IncomingEvent> batch =
        List.of(
            event(p + 1, s, s.treatment(), "ana", EventType.IMPRESSION, null),
            event(p + 2, s, s.treatment(), "ana", EventType.IMPRESSION, null),
            event(p + 3, s, s.treatment(), "ana", EventType.CLICK, null),
            event(p + 4, s, s.treatment(), "ana", EventType.PLAY, 90),
            event(p + 5, s, s.treatment(), "ben", EventType.IMPRESSION, null),
            event(p + 6, s, s.treatment(), "ben", EventType.PLAY, 10),
            event(p + 7, s, s.control(), "cem", EventType.IMPRESSION, null),
            event(p + 7, s, s.control(), "cem", EventType.IMPRESSION, null));

    List<EventOutcome> first = ingestion.ingest(batch);
    assertEquals(EventOutcome.Status.ACCEPTED, first.get(0).status());
    assertEquals(EventOutcome.Status.DUPLICATE, first.get(7).status(), "same id in one batch");
    long[] afterFirst = daily(s, s.treatment());
    long[] sumsFirst = sums(s, s.treatment());

    List<EventOutcome> retry = ingestion.ingest(batch);
    assertTrue(retry.stream().allMatch(o -> o.status() == EventOutcome.Status.DUPLICATE));
    assertEquals(
        List.of(afterFirst[0], afterFirst[1]),
        List.of(daily(s, s.treatment())[0], daily(s, s.treatment())[1]));

    // treatment: ana 2 impressions, 1 click, 1 qualified play; ben 1 impression, 1 short play
    assertEquals(
        List.of(3L, 1L, 2L, 1L, 2L, 1L, 2L, 1L),
        boxed(afterFirst),
        "impr, clicks, plays, qual, viewers…");
    // viewers 2; Σ M = 1; Σ D = 3; Σ M² = 1; Σ D² = 4 + 1; Σ M·D = 2
    assertEquals(List.of(2L, 1L, 3L, 1L, 5L, 2L), boxed(sumsFirst));
    assertEquals(List.of(2L, 1L, 3L, 1L, 5L, 2L), boxed(sums(s, s.treatment())));
    assertEquals(1L, daily(s, s.control())[4]);
  }

  @Test
  void invalidEventsAreRejectedWithReasons() {
    Setup s = running("reject");
    Setup other = running("reject-other");
    String p = RUN + "-rej-";
    Instant now = Instant.now();
    List<IncomingEvent> batch =
        List.of(
            new IncomingEvent(
                p + 1, UUID.randomUUID(), s.control(), s.group(), "v", EventType.CLICK, now, null),
            new IncomingEvent(
                p + 2,
                s.experiment().getId(),
                other.control(),
                s.group(),
                "v",
                EventType.CLICK,
                now,
                null),
            new IncomingEvent(
                p + 3,
                s.experiment().getId(),
                s.control(),
                other.group(),
                "v",
                EventType.CLICK,
                now,
                null),
            new IncomingEvent(
                p + 4,
                s.experiment().getId(),
                s.control(),
                s.group(),
                "v",
                EventType.CLICK,
                now.minus(Duration.ofDays(8)),
                null),
            new IncomingEvent(
                p + 5,
                s.experiment().getId(),
                s.control(),
                s.group(),
                "v",
                EventType.CLICK,
                now.plus(Duration.ofHours(1)),
                null),
            new IncomingEvent(
                p + 6,
                s.experiment().getId(),
                s.control(),
                s.group(),
                "",
                EventType.CLICK,
                now,
                null),
            new IncomingEvent(
                p + 7,
                s.experiment().getId(),
                s.control(),
                s.group(),
                "v",
                EventType.CLICK,
                now,
                5),
            new IncomingEvent(
                p + 8,
                s.experiment().getId(),
                s.control(),
                s.group(),
                "v",
                EventType.IMPRESSION,
                now,
                null));
    List<EventOutcome> outcomes = ingestion.ingest(batch);
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      assertEquals(EventOutcome.Status.REJECTED, outcomes.get(i).status(), "event " + i);
      reasons.add(outcomes.get(i).reason());
    }
    assertTrue(reasons.get(0).startsWith("unknown experiment"), reasons.get(0));
    assertTrue(reasons.get(1).contains("is not an arm"), reasons.get(1));
    assertTrue(reasons.get(2).contains("not targeted"), reasons.get(2));
    assertTrue(reasons.get(3).contains("older than"), reasons.get(3));
    assertTrue(reasons.get(4).contains("future"), reasons.get(4));
    assertEquals(EventOutcome.Status.ACCEPTED, outcomes.get(7).status());
    assertNull(outcomes.get(7).reason());
    assertEquals(1L, daily(s, s.control())[0], "only the valid event counted");

    // PAUSED: events up to the grace period after the pause still count; STOPPED: none
    experiments.pause(s.experiment().getId(), null, "it");
    assertEquals(
        EventOutcome.Status.ACCEPTED,
        ingestion
            .ingest(List.of(event(p + 9, s, s.control(), "w", EventType.IMPRESSION, null)))
            .get(0)
            .status());
    IncomingEvent late =
        new IncomingEvent(
            p + 10,
            s.experiment().getId(),
            s.control(),
            s.group(),
            "w",
            EventType.CLICK,
            Instant.now().plus(Duration.ofMinutes(4)),
            null);
    assertEquals(EventOutcome.Status.ACCEPTED, ingestion.ingest(List.of(late)).get(0).status());
    experiments.stop(s.experiment().getId(), null, "it");
    EventOutcome stopped =
        ingestion.ingest(List.of(event(p + 11, s, s.control(), "w", EventType.CLICK, null))).get(0);
    assertEquals(EventOutcome.Status.REJECTED, stopped.status());
    assertTrue(stopped.reason().contains("STOPPED"), stopped.reason());

    List<IncomingEvent> tooMany = Collections.nCopies(1001, batch.get(7));
    assertThrows(InvalidInputException.class, () -> ingestion.ingest(tooMany));
  }

  @Test
  void concurrentBatchesCountExactly() throws Exception {
    Setup s = running("concurrent");
    int threads = 8;
    int batchesPerThread = 5;
    int eventsPerBatch = 40;
    List<String> viewers = new ArrayList<>();
    for (int v = 0; v < 12; v++) {
      viewers.add("cv-" + v);
    }
    // every thread's batches hit the same few viewers and aggregate rows, in random order
    List<List<IncomingEvent>> batches = new ArrayList<>();
    long[] expected = new long[2]; // impressions, clicks of the treatment arm
    Random random = new Random(42);
    for (int b = 0; b < threads * batchesPerThread; b++) {
      List<IncomingEvent> batch = new ArrayList<>();
      for (int i = 0; i < eventsPerBatch; i++) {
        boolean click = random.nextInt(4) == 0;
        expected[click ? 1 : 0]++;
        batch.add(
            event(
                RUN + "-c-" + b + "-" + i,
                s,
                s.treatment(),
                viewers.get(random.nextInt(viewers.size())),
                click ? EventType.CLICK : EventType.IMPRESSION,
                null));
      }
      batches.add(batch);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t * batchesPerThread;
      done.add(
          pool.submit(
              () -> {
                go.await();
                int accepted = 0;
                for (int b = first; b < first + batchesPerThread; b++) {
                  // lost races are re-run by EventIngestion; every batch succeeds
                  accepted +=
                      (int)
                          ingestion.ingest(batches.get(b)).stream()
                              .filter(o -> o.status() == EventOutcome.Status.ACCEPTED)
                              .count();
                }
                return accepted;
              }));
    }
    go.countDown();
    int accepted = 0;
    for (Future<Integer> f : done) {
      accepted += f.get();
    }
    pool.shutdown();

    assertEquals(threads * batchesPerThread * eventsPerBatch, accepted);
    long[] counts = daily(s, s.treatment());
    assertEquals(expected[0], counts[0], "impressions");
    assertEquals(expected[1], counts[1], "clicks");
    assertEquals(viewers.size(), counts[4], "viewers exposed");
    // the sums equal a recomputation from the per-viewer counters
    Object[] recomputed =
        (Object[])
            em.createNativeQuery(
                    "select count(*), sum(clicks), sum(impressions), sum(clicks * clicks),"
                        + " sum(impressions * impressions), sum(clicks * impressions)"
                        + " from experiment_viewer_counts where experiment_id = ?1 and arm_id = ?2")
                .setParameter(1, s.experiment().getId())
                .setParameter(2, s.treatment())
                .getSingleResult();
    long[] sums = sums(s, s.treatment());
    for (int i = 0; i < 6; i++) {
      assertEquals(((Number) recomputed[i]).longValue(), sums[i], "sum column " + i);
    }
    assertEquals(expected[1], sums[1]);
    assertEquals(expected[0], sums[2]);
  }

  @Test
  void erasingAViewerDeletesRawDataButKeepsAggregates() {
    Setup s = running("erase");
    String p = RUN + "-erase-";
    ingestion.ingest(
        List.of(
            event(p + 1, s, s.control(), "erin-" + RUN, EventType.IMPRESSION, null),
            event(p + 2, s, s.control(), "erin-" + RUN, EventType.CLICK, null),
            event(p + 3, s, s.control(), "other-" + RUN, EventType.IMPRESSION, null)));
    long[] before = daily(s, s.control());
    String key = viewerKeys.keyOf("erin-" + RUN);

    Map<String, Integer> deleted = erasure.erase("erin-" + RUN, "it");

    assertEquals(2, deleted.get("events"));
    assertEquals(1, deleted.get("viewerCounters"));
    assertEquals(
        0L,
        ((Number)
                em.createNativeQuery("select count(*) from experiment_event where viewer_key = ?1")
                    .setParameter(1, key)
                    .getSingleResult())
            .longValue());
    assertEquals(boxed(before), boxed(daily(s, s.control())), "aggregates stay");
    assertEquals(
        1L,
        ((Number)
                em.createNativeQuery(
                        "select count(*) from experiment_event where experiment_id = ?1")
                    .setParameter(1, s.experiment().getId())
                    .getSingleResult())
            .longValue(),
        "other viewers' events stay");
    // retention: nothing received in the last 90 days is purged
    retention.purge();
    assertEquals(
        1L,
        ((Number)
                em.createNativeQuery(
                        "select count(*) from experiment_event where experiment_id = ?1")
                    .setParameter(1, s.experiment().getId())
                    .getSingleResult())
            .longValue());
  }

  @Test
  void resultsComeFromTheAggregates() {
    Setup s = running("results");
    String p = RUN + "-res-";
    List<IncomingEvent> batch = new ArrayList<>();
    // control: 10 viewers, 2 click; treatment: 10 viewers, 5 click
    for (int v = 0; v < 10; v++) {
      batch.add(event(p + "c" + v, s, s.control(), "rc" + v, EventType.IMPRESSION, null));
      batch.add(event(p + "t" + v, s, s.treatment(), "rt" + v, EventType.IMPRESSION, null));
      if (v < 2) {
        batch.add(event(p + "cc" + v, s, s.control(), "rc" + v, EventType.CLICK, null));
      }
      if (v < 5) {
        batch.add(event(p + "tc" + v, s, s.treatment(), "rt" + v, EventType.CLICK, null));
      }
    }
    ingestion.ingest(batch);
    for (int v = 0; v < 40; v++) {
      assignments.assign(s.experiment(), "assigned-" + v, s.group());
    }

    ResultsSummary r = results.results(s.experiment().getId());

    ArmSummary control = r.pooled().arms().get(0);
    ArmSummary treatment = r.pooled().arms().get(1);
    assertTrue(control.arm().isControl());
    assertEquals(
        List.of(10L, 2L, 10L),
        List.of(control.viewers(), control.conversions(), control.impressions()));
    assertEquals(List.of(10L, 5L), List.of(treatment.viewers(), treatment.conversions()));
    assertEquals(0.5, treatment.statistics().rate().rate(), 1e-12);
    assertEquals(0.3, treatment.statistics().vsControl().absoluteUplift(), 1e-12);
    assertTrue(treatment.statistics().probabilityBeatsControl() > 0.8);
    assertEquals(1, treatment.sequential().looks());
    assertEquals(1, r.groups().size());
    assertEquals(10L, r.groups().get(0).arms().get(0).viewers());
    assertEquals(1, r.srm().size());
    assertEquals(40L, r.srm().get(0).assignments()[0] + r.srm().get(0).assignments()[1]);
  }

  @Test
  void tenArmsTimesTwentyGroupsAnalyseFromAggregates() {
    UUID entry =
        catalog
            .create(
                new EntryDraft(
                    "big-" + RUN, EntryKind.MOVIE, null, "Big", null, null, null, null, null, null),
                "it")
            .getId();
    List<UUID> groups = new ArrayList<>();
    for (int g = 0; g < 20; g++) {
      groups.add(
          audiences
              .create(
                  new AudienceDraft(
                      "Big " + g + " " + RUN,
                      null,
                      List.of(
                          new AudienceRule(
                              null, null, null, null, null, null, Set.of("big" + g + RUN), null))),
                  "it")
              .getId());
    }
    List<UUID> shown = variants.render(entry, "big-" + RUN, 10);
    List<ArmDraft> arms = new ArrayList<>();
    for (int a = 0; a < 10; a++) {
      arms.add(new ArmDraft("Arm " + a, shown.get(a), a == 0, 0.1));
    }
    Experiment x =
        experiments.create(
            new ExperimentDraft(
                entry,
                "Big",
                groups,
                arms,
                1.0,
                ExperimentMetric.CLICK_THROUGH,
                null,
                null,
                null,
                ExperimentMode.AB,
                null,
                null,
                false),
            "it");
    x = experiments.start(x.getId(), null, "it");
    Random random = new Random(7);
    List<IncomingEvent> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(
          new IncomingEvent(
              RUN + "-big-" + i,
              x.getId(),
              x.getArms().get(random.nextInt(10)).getId(),
              groups.get(random.nextInt(20)),
              "bv" + random.nextInt(400),
              random.nextInt(5) == 0 ? EventType.CLICK : EventType.IMPRESSION,
              Instant.now().minus(Duration.ofHours(random.nextInt(24 * 6))),
              null));
    }
    ingestion.ingest(batch);
    // how long this takes over HTTP is measured by benchmarks/results.sh, not asserted here
    ResultsSummary r = results.results(x.getId());
    assertEquals(20, r.groups().size());
    assertEquals(10, r.pooled().arms().size());
    assertEquals(
        1000L,
        r.pooled().arms().stream().mapToLong(a -> a.impressions() + a.clicks()).sum(),
        "every event counted once");
  }

  private static List<Long> boxed(long[] values) {
    List<Long> out = new ArrayList<>();
    for (long v : values) {
      out.add(v);
    }
    return out;
  }
}
