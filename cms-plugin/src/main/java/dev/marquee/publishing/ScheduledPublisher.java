package dev.marquee.publishing;

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

  private ScheduledFuture<?> polling;

  void start(@Observes Startup startup) {
    polling =
        scheduler.scheduleWithFixedDelay(
            this::publishDue,
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
   * One polling round; a failing promotion is logged and retried next round, never stops others.
   */
  void publishDue() {
    try {
      for (UUID id : promotions.due(BATCH)) {
        try {
          promotions.publishIfDue(id);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Scheduled publish of promotion " + id + " failed; retrying", e);
        }
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled publishing round failed; retrying next round", e);
    }
  }
}
