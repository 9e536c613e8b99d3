package dev.marquee.experiment.events;

import dev.marquee.audit.AuditLog;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes raw events older than {@code marquee.events.retention-days} every six hours, on the
 * server's managed scheduler (the {@code ee-concurrency} part of the provisioned layers). Every
 * node purges; the delete is idempotent, so that is harmless.
 */
@ApplicationScoped
public class EventRetention {
  private static final Logger LOG = Logger.getLogger(EventRetention.class.getName());
  private static final long PERIOD_HOURS = 6;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject EventRepository events;
  @Inject EventRetention self;

  @Inject
  @ConfigProperty(name = "marquee.events.retention-days", defaultValue = "90")
  int retentionDays;

  private ScheduledFuture<?> task;

  void schedule(@Observes @Initialized(ApplicationScoped.class) Object started) {
    task =
        scheduler.scheduleAtFixedRate(
            () -> {
              try {
                self.purge();
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Purging old experiment events failed; retrying later", e);
              }
            },
            1,
            PERIOD_HOURS * 60,
            TimeUnit.MINUTES);
  }

  /** Deletes raw events received more than the retention period ago. @return how many */
  @Transactional
  public int purge() {
    int purged = events.purgeReceivedBefore(AuditLog.now().minus(Duration.ofDays(retentionDays)));
    if (purged > 0) {
      LOG.info("Purged " + purged + " experiment events older than " + retentionDays + " days");
    }
    return purged;
  }

  @PreDestroy
  void cancel() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
