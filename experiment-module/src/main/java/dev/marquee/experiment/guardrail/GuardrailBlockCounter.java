package dev.marquee.experiment.guardrail;

import dev.marquee.scheduling.PollingSchedule;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts guardrail blocks in memory, so the feed's hot path writes nothing, and adds them to the
 * database every {@code marquee.feed.block-flush-interval}. A flush that fails keeps its counts for
 * the next one; counts not yet flushed when the node stops are flushed on shutdown.
 */
@ApplicationScoped
public class GuardrailBlockCounter {
  private static final Logger LOG = Logger.getLogger(GuardrailBlockCounter.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject GuardrailBlockRepository repository;

  @Inject
  @ConfigProperty(name = "marquee.feed.block-flush-interval", defaultValue = "PT5S")
  Duration flushInterval;

  /** Counts not yet flushed; a key's count is taken out atomically, so no increment is lost. */
  private final ConcurrentHashMap<BlockedChoice, Long> pending = new ConcurrentHashMap<>();

  private final PollingSchedule polling = new PollingSchedule();

  void start(@Observes Startup startup) {
    polling.start(scheduler, flushInterval, this::flush);
  }

  @PreDestroy
  void stop() {
    polling.stop();
    flush();
  }

  /** Counts one block. */
  public void count(BlockedChoice block) {
    pending.merge(block, 1L, Long::sum);
  }

  /** Adds the counts gathered since the last flush to the database; never throws. */
  public synchronized void flush() {
    Map<BlockedChoice, Long> counts = new HashMap<>();
    for (BlockedChoice key : pending.keySet()) {
      Long n = pending.remove(key);
      if (n != null) {
        // a key counted again while this loop runs comes round once more: add, not put
        counts.merge(key, n, Long::sum);
      }
    }
    if (counts.isEmpty()) {
      return;
    }
    try {
      repository.add(counts);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Flushing guardrail block counts failed; retrying next round", e);
      counts.forEach((k, n) -> pending.merge(k, n, Long::sum));
    }
  }
}
