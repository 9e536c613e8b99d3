package dev.marquee.publishing;

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
 * Publishes approved promotions whose {@code publishAt} has come, polling every {@code
 * marquee.publishing.poll-interval}. Every node polls; each promotion is published in its own
 * transaction after a conditional-update claim, so two nodes never publish one twice.
 */
@ApplicationScoped
public class ScheduledPublisher {
  private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class.getName());
  private static final int BATCH = 50;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject PromotionService promotions;

  @Inject
  @ConfigProperty(name = "marquee.publishing.poll-interval", defaultValue = "PT5S")
  Duration pollInterval;

  private final PollingSchedule polling = new PollingSchedule();

  void start(@Observes Startup startup) {
    polling.start(scheduler, pollInterval, this::publishDue);
  }

  @PreDestroy
  void stop() {
    polling.stop();
  }

  /** One polling round; a failing promotion is logged and retried next round. */
  int publishDue() {
    return DueWorkRound.run(
        LOG,
        "Scheduled publish of promotion",
        () -> promotions.due(BATCH),
        promotions::publishIfDue);
  }
}
