package dev.marquee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marquee.catalog.CatalogService;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.experiment.audience.AudienceDraft;
import dev.marquee.experiment.audience.AudienceService;
import dev.marquee.experiment.audience.rules.AudienceRule;
import dev.marquee.experiment.bandit.BanditSchedule;
import dev.marquee.experiment.enrolment.Assignment;
import dev.marquee.experiment.enrolment.AssignmentService;
import dev.marquee.experiment.events.EventIngestion;
import dev.marquee.experiment.events.EventOutcome;
import dev.marquee.experiment.events.EventType;
import dev.marquee.experiment.events.IncomingEvent;
import dev.marquee.experiment.holdout.HoldoutService;
import dev.marquee.experiment.lifecycle.ArmDraft;
import dev.marquee.experiment.lifecycle.BanditSettings;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentDraft;
import dev.marquee.experiment.lifecycle.ExperimentMetric;
import dev.marquee.experiment.lifecycle.ExperimentMode;
import dev.marquee.experiment.lifecycle.ExperimentService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: the bandit schedule re-allocates a due experiment exactly once when two pollers
 * (standing in for two nodes on one database) race for it, assignments record their propensity, and
 * held-out viewers are never assigned.
 */
@ExtendWith(ArquillianExtension.class)
class BanditScheduleIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Deployment
  static WebArchive deployment() {
    return MarqueeDeployment.war().addClasses(BanditScheduleIT.class, RenderedVariants.class);
  }

  @Inject CatalogService catalog;
  @Inject AudienceService audiences;
  @Inject ExperimentService experiments;
  @Inject AssignmentService assignments;
  @Inject EventIngestion ingestion;
  @Inject RenderedVariants rendered;
  @Inject BanditSchedule schedule;
  @Inject HoldoutService holdout;
  @PersistenceContext EntityManager em;

  private UUID[] entryAndGroup(String name) {
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
    UUID group =
        audiences
            .create(
                new AudienceDraft(
                    name + " " + RUN,
                    null,
                    List.of(
                        new AudienceRule(
                            null, null, null, null, null, null, Set.of(name + "-" + RUN), null))),
                "it")
            .getId();
    return new UUID[] {entry, group};
  }

  private ExperimentDraft bandit(UUID entry, UUID group) {
    List<UUID> variants = rendered.render(entry, "bandit-schedule-" + UUID.randomUUID(), 2);
    return new ExperimentDraft(
        entry,
        "Bandit schedule " + RUN,
        List.of(group),
        List.of(
            new ArmDraft("Published", variants.get(0), true, 0.5),
            new ArmDraft("New", variants.get(1), false, 0.5)),
        1.0,
        ExperimentMetric.CLICK_THROUGH,
        null,
        null,
        null,
        ExperimentMode.BANDIT,
        null,
        null,
        false,
        new BanditSettings(0.1, 10, Duration.ofMinutes(5), false));
  }

  @Test
  void twoPollersReallocateADueBanditOnce() throws Exception {
    UUID[] eg = entryAndGroup("schedule");
    UUID group = eg[1];
    UUID id = experiments.create(bandit(eg[0], group), "it").getId();
    Experiment x = experiments.start(id, null, "it");

    // assign 40 viewers (recording propensity 0.5 each), then the new arm converts 3x as often
    List<IncomingEvent> events = new ArrayList<>();
    for (int v = 0; v < 40; v++) {
      String viewer = "sched-" + v + "-" + RUN;
      Assignment a = assignments.assign(x, viewer, group);
      assertTrue(a.enrolled());
      assertEquals(0.5, a.propensity(), 1e-12);
      UUID arm = a.arm().getId();
      Instant at = Instant.now().minusSeconds(2);
      events.add(
          new IncomingEvent(
              "sched-i-" + v + RUN, id, arm, group, viewer, EventType.IMPRESSION, at, null));
      boolean converts = a.arm().isControl() ? v % 6 == 0 : v % 2 == 0;
      if (converts) {
        events.add(
            new IncomingEvent(
                "sched-c-" + v + RUN, id, arm, group, viewer, EventType.CLICK, at, null));
      }
    }
    assertTrue(
        ingestion.ingest(events).stream()
            .allMatch(o -> o.status() == EventOutcome.Status.ACCEPTED));
    // the raw events carry the propensity of the viewer's assignment
    assertEquals(
        0L,
        em.createNativeQuery(
                        "select count(*) from experiment_event where experiment_id = ?1"
                            + " and (propensity is null or propensity <> 0.5)")
                    .setParameter(1, id)
                    .getSingleResult()
                instanceof Number n
            ? n.longValue()
            : -1L);

    // not due yet: nothing happens
    assertEquals(0, schedule.reallocateDue(Instant.now()));
    assertEquals(1, experiments.get(id).getAllocationPeriods().size());

    // due (six minutes on): two pollers race, one wins
    Instant later = Instant.now().plus(Duration.ofMinutes(6));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> poll = () -> schedule.reallocateDue(later);
      Future<Integer> a = pool.submit(poll);
      Future<Integer> b = pool.submit(poll);
      int done = a.get() + b.get();
      assertTrue(done <= 1, "re-allocated " + done + " times");
      // on an overloaded machine the loser may have found the row not due any more; either way
      // exactly one new period exists afterwards
      Experiment after = experiments.get(id);
      long groupPeriods =
          after.getAllocationPeriods().stream()
              .filter(p -> group.equals(p.getAudienceGroupId()))
              .count();
      assertEquals(1L, groupPeriods);
      assertEquals(2, after.currentPeriod());
      assertNotNull(after.getNextReallocationAt());
      assertTrue(after.getNextReallocationAt().isAfter(later.plus(Duration.ofMinutes(4))));
      // a second round at the same instant finds nothing due
      assertEquals(0, schedule.reallocateDue(later));
      double[] w = after.periodFor(group).getWeights();
      assertTrue(w[1] > w[0], "weights moved toward the better arm: " + w[0] + "/" + w[1]);
      assertTrue(w[0] >= 0.1 - 1e-12);
    } finally {
      pool.shutdownNow();
    }

    // assignments now follow the group's period and log its propensity
    Experiment after = experiments.get(id);
    double[] w = after.periodFor(group).getWeights();
    Assignment fresh = assignments.assign(after, "sched-late-" + RUN, group);
    int arm = fresh.arm().isControl() ? 0 : 1;
    assertEquals(w[arm], fresh.propensity(), 1e-12);
    experiments.stop(id, null, "it");
  }

  @Test
  void heldOutViewersGetNoAssignment() {
    UUID[] eg = entryAndGroup("heldout");
    UUID group = eg[1];
    UUID id = experiments.create(bandit(eg[0], group), "it").getId();
    Experiment x = experiments.start(id, null, "it");
    long version = holdout.setting().getVersion();
    holdout.update(version, 0.5, "it");
    try {
      int held = 0;
      for (int v = 0; v < 60; v++) {
        String viewer = "held-" + v + "-" + RUN;
        Assignment a = assignments.assign(x, viewer, group);
        if (holdout.current().contains(viewer)) {
          held++;
          assertTrue(a.holdout());
          assertFalse(a.enrolled());
          assertNull(a.propensity());
        } else {
          assertTrue(a.enrolled());
        }
      }
      assertTrue(held > 10, "about half of 60 are held out: " + held);
      long recorded =
          em.createQuery(
                  "select count(a) from StickyAssignment a where a.experimentId = :x", Long.class)
              .setParameter("x", id)
              .getSingleResult();
      assertEquals(60 - held, recorded, "held-out viewers are never recorded");
    } finally {
      holdout.update(null, 0, "it");
      experiments.stop(id, null, "it");
    }
  }
}
