package dev.marquee.demo;

import dev.marquee.delivery.access.AuthenticatedApp;
import dev.marquee.delivery.access.DeliveryApp;
import dev.marquee.delivery.access.DeliveryAppDraft;
import dev.marquee.delivery.access.DeliveryAppService;
import dev.marquee.delivery.access.DeliveryKeyVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The delivery app of the /demo page and the traffic simulator, and its key. Creating it is the
 * demo's last step, so an existing app means the demo was set up completely.
 */
@ApplicationScoped
class DemoDeliveryApp {
  private static final Logger LOG = Logger.getLogger(DemoDeliveryApp.class.getName());
  static final String KEY_LABEL = "demo page and traffic simulator";

  @Inject DeliveryAppService apps;
  @Inject DeliveryKeyVerifier verifier;
  @Inject DemoKeyFile keyFile;

  /** The demo app, if the demo was set up completely. */
  Optional<DeliveryApp> find(DemoPlan.AppPlan plan) {
    return AllPages.of(apps::list).stream()
        .filter(a -> a.getName().equals(plan.name()))
        .findFirst();
  }

  /**
   * Creates the app with a key, or returns the key of the existing one (issuing a new one if lost).
   */
  String ensure(DemoPlan.AppPlan plan) {
    DeliveryApp app =
        find(plan)
            .orElseGet(
                () ->
                    apps.create(
                        new DeliveryAppDraft(
                            plan.name(),
                            plan.description(),
                            List.of(),
                            plan.requestsPerSecond(),
                            plan.burst(),
                            true),
                        DemoCatalogLoader.ACTOR));
    Optional<String> kept = keyFile.read();
    if (kept.isPresent()
        && verifier
            .verify(kept.get())
            .map(AuthenticatedApp::appId)
            .filter(app.getId()::equals)
            .isPresent()) {
      return kept.get();
    }
    // the old demo key is lost (or revoked): replace it rather than leave it active
    Instant now = Instant.now();
    apps.keys(app.getId()).stream()
        .filter(k -> KEY_LABEL.equals(k.getLabel()) && k.isActiveAt(now))
        .forEach(k -> apps.revokeKey(app.getId(), k.getKeyId(), DemoCatalogLoader.ACTOR));
    String key = apps.issueKey(app.getId(), KEY_LABEL, null, DemoCatalogLoader.ACTOR).plaintext();
    keyFile.write(key);
    LOG.info(() -> "Issued the demo app's API key into " + keyFile.location());
    return key;
  }
}
