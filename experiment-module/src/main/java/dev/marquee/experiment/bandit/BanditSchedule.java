package dev.marquee.experiment.bandit;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Polls for bandits whose re-allocation is due, in the style of the webhook dispatcher: every node
 * polls, and each due re-allocation is claimed by a conditional UPDATE of its due time (see {@link
 * dev.marquee.experiment.lifecycle.ExperimentRepository#claimReallocation}), so with two nodes on
 * one database it still happens once.
 */
@ApplicationScoped
public class BanditSchedule {
  private static final Logger LOG = Logger.getLogger(BanditSchedule.class.getName());
  private static final int BATCH = 20;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject BanditService bandits;

  @Inject
  @ConfigProperty(name = "marquee.bandits.poll-interval", defaultValue = "PT30S")
  Duration pollInterval;

  private ScheduledFuture<?> polling;

  void start(@Observes Startup startup) {
    polling =
        scheduler.scheduleWithFixedDelay(
            () -> reallocateDue(Instant.now()),
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

  /**
   * One polling round at {@code now}; never throws, so the schedule keeps running.
   *
   * @return how many experiments this node re-allocated
   */
  public int reallocateDue(Instant now) {
    int done = 0;
    try {
      for (UUID id : bandits.due(now, BATCH)) {
        try {
          if (bandits.reallocateIfDue(id, now)) {
            done++;
          }
        } catch (RuntimeException e) {
          // e.g. an experimenter changed it at the same moment (optimistic lock): next round
          LOG.log(Level.WARNING, "Re-allocating bandit " + id + " failed; retrying next round", e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Bandit re-allocation round failed; retrying next round", e);
    }
    return done;
  }
}
