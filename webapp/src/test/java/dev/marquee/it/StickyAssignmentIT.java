package dev.marquee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.experiment.assignment.ArmAssigner;
import dev.marquee.experiment.audience.AudienceDraft;
import dev.marquee.experiment.audience.AudienceService;
import dev.marquee.experiment.audience.rules.AudienceRule;
import dev.marquee.experiment.enrolment.Assignment;
import dev.marquee.experiment.enrolment.AssignmentService;
import dev.marquee.experiment.enrolment.ViewerKeys;
import dev.marquee.experiment.lifecycle.ArmDraft;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentDraft;
import dev.marquee.experiment.lifecycle.ExperimentMetric;
import dev.marquee.experiment.lifecycle.ExperimentMode;
import dev.marquee.experiment.lifecycle.ExperimentService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * In-container: assignments recorded by {@link AssignmentService#assign} (the feed's entry point)
 * are sticky across weight changes, reset by re-randomising, race-free, and pseudonymous.
 */
@ExtendWith(ArquillianExtension.class)
class StickyAssignmentIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment
  static WebArchive deployment() {
    return MarqueeDeployment.war().addClasses(StickyAssignmentIT.class, RenderedVariants.class);
  }

  @Inject CatalogService catalog;
  @Inject AudienceService audiences;
  @Inject ExperimentService experiments;
  @Inject AssignmentService assignments;
  @Inject ViewerKeys viewerKeys;
  @Inject RenderedVariants rendered;
  @PersistenceContext EntityManager em;

  ExperimentDraft draft(UUID entry, UUID group, List<UUID> variants, double w0, double coverage) {
    return new ExperimentDraft(
        entry,
        "Sticky " + RUN,
        List.of(group),
        List.of(
            new ArmDraft("Published", variants.get(0), true, w0),
            new ArmDraft("New", variants.get(1), false, 1 - w0)),
        coverage,
        ExperimentMetric.CLICK_THROUGH,
        null,
        null,
        null,
        ExperimentMode.AB,
        null,
        null,
        false);
  }

  @Test
  void assignmentsStayStickyUntilRerandomised() throws Exception {
    UUID entry =
        catalog
            .create(
                new EntryDraft(
                    "sticky-" + RUN,
                    EntryKind.MOVIE,
                    null,
                    "Sticky",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                "it")
            .getId();
    UUID group =
        audiences
            .create(
                new AudienceDraft(
                    "Sticky " + RUN,
                    null,
                    List.of(
                        new AudienceRule(
                            null, null, null, null, null, null, Set.of("sticky-" + RUN), null))),
                "it")
            .getId();
    List<UUID> variants = rendered.render(entry, "sticky-" + UUID.randomUUID(), 2);
    UUID id = experiments.create(draft(entry, group, variants, 0.5, 1.0), "it").getId();
    experiments.start(id, null, "it");

    List<String> viewers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      viewers.add("viewer-" + i + "-ü-" + RUN);
    }
    Map<String, UUID> first = new HashMap<>();
    Experiment running = experiments.get(id);
    for (String v : viewers) {
      Assignment a = assignments.assign(running, v, group);
      assertTrue(a.enrolled());
      assertFalse(a.sticky());
      first.put(v, a.arm().getId());
    }

    // shift almost all traffic to the new arm: recorded viewers keep their arm anyway
    Experiment reweighted =
        experiments.update(id, null, draft(entry, group, variants, 0.05, 1.0), "it");
    ArmAssigner fresh = new ArmAssigner(reweighted.hashSeed(), 2, 1.0, new double[] {0.05, 0.95});
    int wouldMove = 0;
    for (String v : viewers) {
      Assignment a = assignments.assign(reweighted, v, group);
      assertTrue(a.sticky(), v);
      assertEquals(first.get(v), a.arm().getId(), v);
      if (!reweighted.getArms().get(fresh.assign(v)).getId().equals(first.get(v))) {
        wouldMove++;
      }
    }
    assertTrue(wouldMove > 50, "the weight change would have moved viewers: " + wouldMove);

    // re-randomise: a new bucket version hashes everyone anew under the current weights
    Experiment rerandomized = experiments.rerandomize(id, null, "it");
    assertEquals(1, rerandomized.getBucketVersion());
    ArmAssigner v1 = new ArmAssigner(rerandomized.hashSeed(), 2, 1.0, new double[] {0.05, 0.95});
    for (String v : viewers) {
      Assignment a = assignments.assign(rerandomized, v, group);
      assertFalse(a.sticky(), v);
      assertEquals(rerandomized.getArms().get(v1.assign(v)).getId(), a.arm().getId(), v);
    }

    // only HMAC keys are stored, one row per viewer and bucket version
    String raw = viewers.get(0);
    assertEquals(
        0L,
        em.createQuery("select count(a) from StickyAssignment a where a.viewerKey = :v", Long.class)
            .setParameter("v", raw)
            .getSingleResult());
    assertEquals(
        2L,
        em.createQuery("select count(a) from StickyAssignment a where a.viewerKey = :v", Long.class)
            .setParameter("v", viewerKeys.keyOf(raw))
            .getSingleResult());
    assertEquals(64, viewerKeys.keyOf(raw).length());
    experiments.stop(id, null, "it");
  }

  @Test
  void concurrentFirstAssignmentsOfOneViewerAgree() throws Exception {
    UUID entry =
        catalog
            .create(
                new EntryDraft(
                    "race-" + RUN,
                    EntryKind.MOVIE,
                    null,
                    "Race",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                "it")
            .getId();
    UUID group =
        audiences
            .create(
                new AudienceDraft(
                    "Race " + RUN,
                    null,
                    List.of(
                        new AudienceRule(
                            null, null, null, null, null, null, Set.of("race-" + RUN), null))),
                "it")
            .getId();
    List<UUID> variants = rendered.render(entry, "sticky-" + UUID.randomUUID(), 2);
    UUID id = experiments.create(draft(entry, group, variants, 0.5, 1.0), "it").getId();
    experiments.start(id, null, "it");
    Experiment running = experiments.get(id);

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 10; round++) {
        String viewer = "racer-" + round + "-" + RUN;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<UUID>> arms = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          arms.add(
              pool.submit(
                  () -> {
                    go.await();
                    return assignments.assign(running, viewer, group).arm().getId();
                  }));
        }
        go.countDown();
        Set<UUID> distinct = new HashSet<>();
        for (Future<UUID> f : arms) {
          distinct.add(f.get());
        }
        assertEquals(1, distinct.size());
        assertEquals(
            1L,
            em.createQuery(
                    "select count(a) from StickyAssignment a where a.viewerKey = :v", Long.class)
                .setParameter("v", viewerKeys.keyOf(viewer))
                .getSingleResult());
      }
    } finally {
      pool.shutdownNow();
    }
    experiments.stop(id, null, "it");
  }
}
