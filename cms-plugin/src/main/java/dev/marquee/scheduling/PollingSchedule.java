package dev.marquee.scheduling;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A task run on the container's scheduler with a fixed delay between rounds, until stopped. */
public final class PollingSchedule {
  private ScheduledFuture<?> polling;

  /** Starts the rounds, the first one {@code every} from now. */
  public synchronized void start(
      ManagedScheduledExecutorService scheduler, Duration every, Runnable round) {
    polling =
        scheduler.scheduleWithFixedDelay(
            round, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets a running round finish and starts no more. */
  public synchronized void stop() {
    if (polling != null) {
      polling.cancel(false);
    }
  }
}
