package dev.marquee.experiment.decision;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evaluates the rule of every RUNNING experiment set to be evaluated on a schedule, every {@code
 * marquee.decisions.poll-interval}. Each evaluation is its own transaction; two nodes deciding the
 * same experiment at once cannot both succeed (the decision's primary key and the experiment's
 * version refuse the second).
 */
@ApplicationScoped
public class DecisionScheduler {
  private static final Logger LOG = Logger.getLogger(DecisionScheduler.class.getName());
  private static final int BATCH = 50;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject DecisionService decisions;

  @Inject
  @ConfigProperty(name = "marquee.decisions.poll-interval", defaultValue = "PT1M")
  Duration pollInterval;

  private ScheduledFuture<?> polling;

  void start(@Observes Startup startup) {
    polling =
        scheduler.scheduleWithFixedDelay(
            this::evaluate,
            pollInterval.toMillis(),
            pollInterval.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }

  /** One round; a failing experiment is logged and evaluated again next round. */
  void evaluate() {
    try {
      for (UUID id : decisions.scheduledCandidates(BATCH)) {
        try {
          decisions.decideOnSchedule(id);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Scheduled decision of experiment " + id + " failed", e);
        }
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled decision round failed; retrying next round", e);
    }
  }
}
