package dev.marquee.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Prepares everything the demo needs besides its catalog, in the background after start-up so that
 * readiness is not held up by uploads and rendering: artwork, audience groups, guardrails, feed
 * rows, experiments and, last, the delivery app whose key the page uses. Every step skips what
 * exists, so a start interrupted half-way is completed by the next one; once the app exists, a
 * start does nothing but read its key.
 */
@ApplicationScoped
public class DemoSetup {
  private static final Logger LOG = Logger.getLogger(DemoSetup.class.getName());

  @Resource ManagedExecutorService executor;
  @Inject DemoProgress progress;
  @Inject DemoArtwork artwork;
  @Inject DemoAudiences audiences;
  @Inject DemoDelivery delivery;
  @Inject DemoExperiments experiments;
  @Inject DemoDeliveryApp app;

  private final DemoPlan plan = DemoPlan.load();

  /** The plan the demo follows. */
  DemoPlan plan() {
    return plan;
  }

  /**
   * Marks the demo ready when it was set up completely before, else sets it up in the background.
   */
  void resume() {
    if (app.find(plan.deliveryApp()).isPresent()) {
      progress.ready(app.ensure(plan.deliveryApp()));
    } else {
      inBackground();
    }
  }

  /** Starts setting up; the page shows the progress. */
  void inBackground() {
    progress.preparing("Preparing the demo");
    executor.submit(this::run);
  }

  private void run() {
    long started = System.nanoTime();
    try {
      progress.preparing("Creating the tile template");
      artwork.ensureTemplate(plan.template());
      List<UUID> entries = artwork.uploadAndTag(plan, progress);
      artwork.render(entries, plan.template().name(), progress);
      progress.preparing("Creating audience groups, rows and experiments");
      Map<String, UUID> groups = audiences.ensure(plan.audienceGroups());
      delivery.ensureGuardrails(plan.guardrails());
      delivery.ensureRows(plan.rows());
      experiments.ensure(plan, groups);
      progress.ready(app.ensure(plan.deliveryApp()));
      LOG.info(
          () ->
              "The demo is ready at /demo (set up in "
                  + (System.nanoTime() - started) / 1_000_000
                  + " ms).");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      progress.failed("Preparing the demo was interrupted; the next start completes it.");
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Preparing the demo failed; the next start tries again", e);
      progress.failed(
          "Preparing the demo failed: "
              + e.getMessage()
              + ". The server log has the details; the next start tries again.");
    }
  }
}
