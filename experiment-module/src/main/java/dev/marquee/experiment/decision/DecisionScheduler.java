package dev.marquee.experiment.decision;

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

  private final PollingSchedule polling = new PollingSchedule();

  void start(@Observes Startup startup) {
    polling.start(scheduler, pollInterval, this::evaluate);
  }

  @PreDestroy
  void stop() {
    polling.stop();
  }

  /** One round; a failing experiment is logged and evaluated again next round. */
  int evaluate() {
    return DueWorkRound.run(
        LOG,
        "Scheduled decision of experiment",
        () -> decisions.scheduledCandidates(BATCH),
        id -> {
          decisions.decideOnSchedule(id);
          return true;
        });
  }
}
