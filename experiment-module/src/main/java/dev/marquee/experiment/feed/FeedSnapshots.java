package dev.marquee.experiment.feed;

import dev.marquee.delivery.change.DeliveryChange;
import dev.marquee.delivery.change.DeliveryChangeLog;
import dev.marquee.delivery.change.DeliveryChanged;
import dev.marquee.delivery.change.DeliverySegment;
import dev.marquee.scheduling.PollingSchedule;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the feed's current snapshot and keeps it fresh. Every {@code marquee.feed.refresh-interval}
 * each node reads the change log's recent rows; any id it has not seen names a segment to rebuild.
 * A commit on this node triggers the same round at once. Ids are not commit-ordered, so the round
 * looks back {@code marquee.feed.change-lookback} (longer than any transaction may run) and
 * remembers the ids it saw; a late commit with a small id is still new. Staleness is therefore
 * bounded by the refresh interval plus one rebuild on other nodes, and one rebuild on this node.
 * Requests never wait for a rebuild, except for the very first snapshot.
 */
@ApplicationScoped
public class FeedSnapshots {
  private static final Logger LOG = Logger.getLogger(FeedSnapshots.class.getName());

  @Inject FeedSnapshotLoader loader;
  @Inject DeliveryChangeLog changes;
  @Inject FeedEnrolment enrolment;
  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "marquee.feed.refresh-interval", defaultValue = "PT1S")
  Duration refreshInterval;

  @Inject
  @ConfigProperty(name = "marquee.feed.change-lookback", defaultValue = "PT10M")
  Duration lookback;

  private final PollingSchedule polling = new PollingSchedule();
  private final AtomicBoolean refreshQueued = new AtomicBoolean();
  private final AtomicLong rebuilds = new AtomicLong();
  private final Object refreshing = new Object();
  private volatile FeedSnapshot current;
  private Set<Long> seen = Set.of();
  private Instant lastPrune = Instant.EPOCH;

  void start(@Observes Startup startup) {
    polling.start(scheduler, refreshInterval, this::refreshQuietly);
  }

  @PreDestroy
  void stop() {
    polling.stop();
  }

  /** The snapshot to answer from; built on first use. */
  public FeedSnapshot current() {
    FeedSnapshot s = current;
    if (s == null) {
      synchronized (refreshing) {
        s = current;
        if (s == null) {
          seen = ids(changes.since(Instant.now().minus(lookback)));
          s = build(EnumSet.allOf(DeliverySegment.class), null);
          current = s;
        }
      }
    }
    return s;
  }

  /** How many times a part of the snapshot was rebuilt on this node (for tests and metrics). */
  public long rebuilds() {
    return rebuilds.get();
  }

  /** A commit on this node changed the feed's state: refresh now rather than at the next poll. */
  void onCommitted(@Observes DeliveryChanged changed) {
    if (refreshQueued.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            refreshQueued.set(false);
            refreshQuietly();
          });
    }
  }

  /**
   * One refresh round: rebuilds the segments with unseen changes.
   *
   * @return the segments rebuilt
   */
  public Set<DeliverySegment> refresh() {
    synchronized (refreshing) {
      if (current == null) {
        return Set.of();
      }
      Instant now = Instant.now();
      List<DeliveryChange> recent = changes.since(now.minus(lookback));
      Set<DeliverySegment> changed = EnumSet.noneOf(DeliverySegment.class);
      for (DeliveryChange c : recent) {
        if (!seen.contains(c.id())) {
          changed.add(c.segment());
        }
      }
      if (!changed.isEmpty()) {
        current = build(changed, current);
      }
      // only after a successful rebuild: a failed one is retried next round
      seen = ids(recent);
      if (now.isAfter(lastPrune.plus(lookback))) {
        changes.prune(now.minus(lookback.multipliedBy(2)));
        lastPrune = now;
      }
      return changed;
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Refreshing the feed snapshot failed; retrying next round", e);
    }
  }

  private FeedSnapshot build(Set<DeliverySegment> segments, FeedSnapshot base) {
    long started = System.nanoTime();
    FeedSnapshot s =
        base != null ? base : new FeedSnapshot(null, null, null, null, null, null, null);
    for (DeliverySegment segment : segments) {
      s =
          switch (segment) {
            case CATALOG -> s.withCatalog(loader.catalog());
            case VARIANTS -> s.withVariants(loader.variants());
            case ARTWORK -> s.withArtwork(loader.artwork());
            case AUDIENCES -> s.withAudiences(loader.audiences());
            case EXPERIMENTS -> s.withRunning(loader.running());
            case GUARDRAILS -> s.withGuardrails(loader.guardrails());
            case ROWS -> s.withRows(loader.rows());
            case VIEWERS -> {
              enrolment.forgetViewers();
              yield s;
            }
          };
      rebuilds.incrementAndGet();
    }
    LOG.fine(
        () ->
            "Rebuilt feed snapshot parts "
                + segments
                + " in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms");
    return s;
  }

  private static Set<Long> ids(List<DeliveryChange> recent) {
    Set<Long> ids = new HashSet<>();
    for (DeliveryChange c : recent) {
      ids.add(c.id());
    }
    return ids;
  }
}
