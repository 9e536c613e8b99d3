package dev.marquee.render.collection;

import dev.marquee.render.job.RenderNode;
import dev.marquee.render.store.AssetKey;
import dev.marquee.render.store.AssetStore;
import dev.marquee.scheduling.PollingSchedule;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes blobs nothing refers to any more (renditions of deleted variants, bytes of deleted source
 * images, logos no template uses, leftovers of interrupted writes). Every node polls every {@code
 * marquee.assets.collection.poll-interval}; a round is due every {@code
 * marquee.assets.collection.interval} and claimed in the database, so it runs on one node. Blobs
 * stored within {@code marquee.assets.collection.grace} are never touched: that covers uploads and
 * renders that have stored their bytes but not yet committed the rows naming them.
 */
@ApplicationScoped
public class OrphanCollector {
  private static final Logger LOG = Logger.getLogger(OrphanCollector.class.getName());
  private static final int BATCH = 500;

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject AssetStore store;
  @Inject StoredReferences references;
  @Inject CollectionRounds rounds;

  @Inject
  @ConfigProperty(name = "marquee.assets.collection.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "marquee.assets.collection.interval", defaultValue = "PT6H")
  Duration interval;

  @Inject
  @ConfigProperty(name = "marquee.assets.collection.grace", defaultValue = "PT24H")
  Duration grace;

  @Inject
  @ConfigProperty(name = "marquee.assets.collection.poll-interval", defaultValue = "PT5M")
  Duration pollInterval;

  private final PollingSchedule polling = new PollingSchedule();

  @PostConstruct
  void validate() {
    for (var setting :
        new Object[][] {
          {"interval", interval}, {"grace", grace}, {"poll-interval", pollInterval}
        }) {
      Duration d = (Duration) setting[1];
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "marquee.assets.collection." + setting[0] + " must be a positive duration, was " + d);
      }
    }
  }

  void start(@Observes Startup startup) {
    if (enabled) {
      polling.start(scheduler, pollInterval, this::poll);
    } else {
      LOG.info("Orphaned-asset collection is off (marquee.assets.collection.enabled=false).");
    }
  }

  @PreDestroy
  void stop() {
    polling.stop();
  }

  private void poll() {
    try {
      runRound(Instant.now());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Orphaned-asset collection failed; trying again next round", e);
    }
  }

  /**
   * Runs the collection round due at {@code now}, unless it is not due or another node claimed it.
   *
   * @return what the round did, or empty when this node did not run one
   */
  public Optional<SweepResult> runRound(Instant now) throws IOException {
    if (!rounds.claim(now, now.plus(interval), RenderNode.name())) {
      return Optional.empty();
    }
    // Logos are read once per round: a template saved meanwhile stores its logos again
    // (TemplateAssets.retain), which restarts their grace period.
    Set<AssetKey> logos = references.templateLogos();
    AssetReferences referenced =
        keys -> {
          Set<AssetKey> used = new HashSet<>(references.usedByRows(keys));
          keys.stream().filter(logos::contains).forEach(used::add);
          return used;
        };
    SweepResult result = new OrphanSweep(store, BATCH).run(referenced, now.minus(grace));
    rounds.finished(Instant.now(), result);
    LOG.info(
        () ->
            "Orphaned-asset collection: "
                + result.deleted()
                + " deleted ("
                + result.freedBytes()
                + " bytes), "
                + result.keptReferenced()
                + " referenced, "
                + result.keptRecent()
                + " within the grace period, "
                + result.recovered()
                + " interrupted writes cleaned up, of "
                + result.examined()
                + " assets.");
    return Optional.of(result);
  }
}
