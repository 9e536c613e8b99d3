package dev.marquee.experiment.bandit;

import dev.marquee.scheduling.DueWorkRound;
import dev.marquee.scheduling.PollingSchedule;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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

  private final PollingSchedule polling = new PollingSchedule();

  void start(@Observes Startup startup) {
    polling.start(scheduler, pollInterval, () -> reallocateDue(Instant.now()));
  }

  @PreDestroy
  void stop() {
    polling.stop();
  }

  /**
   * One polling round at {@code now}; never throws, so the schedule keeps running. A bandit that
   * fails (e.g. an experimenter changed it at the same moment) is retried next round.
   *
   * @return how many experiments this node re-allocated
   */
  public int reallocateDue(Instant now) {
    return DueWorkRound.run(
        LOG,
        "Re-allocating bandit",
        () -> bandits.due(now, BATCH),
        id -> bandits.reallocateIfDue(id, now));
  }
}
