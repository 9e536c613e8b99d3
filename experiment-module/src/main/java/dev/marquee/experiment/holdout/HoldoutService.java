package dev.marquee.experiment.holdout;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.experiment.assignment.GlobalHoldout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads and changes the global holdout. Assignment and ingestion ask {@link #current()} on every
 * call, so it is cached per node for {@code marquee.holdout.cache-ttl}; a change takes effect at
 * once on the node that made it and within that time on the others.
 */
@ApplicationScoped
@Transactional
public class HoldoutService {
  /**
   * The arm id under which events of held-out viewers are counted, next to the experiment's arms
   * (which are random UUIDs and never this one).
   */
  public static final java.util.UUID HOLDOUT_ARM = new java.util.UUID(0, 0);

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "marquee.holdout.cache-ttl", defaultValue = "PT10S")
  Duration cacheTtl;

  private volatile Cached cached;

  protected HoldoutService() {}

  /** The holdout on the given entity manager (outside a container). */
  public HoldoutService(EntityManager em, AuditLog audit, Duration cacheTtl) {
    this.em = em;
    this.audit = audit;
    this.cacheTtl = cacheTtl;
  }

  private record Cached(GlobalHoldout holdout, Instant until) {}

  /**
   * The holdout in force (cached). The feed asks on every request: a cache hit must not begin and
   * commit a JTA transaction, and the miss's single read needs none either.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public GlobalHoldout current() {
    Cached c = cached;
    Instant now = Instant.now();
    if (c == null || now.isAfter(c.until())) {
      c = new Cached(new GlobalHoldout(setting().getShare()), now.plus(cacheTtl));
      cached = c;
    }
    return c.holdout();
  }

  /** The stored setting. */
  public HoldoutSetting setting() {
    return em.find(HoldoutSetting.class, HoldoutSetting.ID);
  }

  /**
   * Sets the held-out share.
   *
   * @param expectedVersion the version the client read, or null for any ({@code If-Match: *})
   */
  public HoldoutSetting update(Long expectedVersion, double share, String actor) {
    if (!(share >= 0 && share <= GlobalHoldout.MAX_SHARE)) {
      throw new InvalidInputException(
          new FieldError("share", "must be between 0 and " + GlobalHoldout.MAX_SHARE));
    }
    HoldoutSetting setting = setting();
    if (expectedVersion != null && setting.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "The holdout is at version " + setting.getVersion() + ", not " + expectedVersion,
          setting.getVersion());
    }
    double before = setting.getShare();
    if (before != share) {
      setting.change(share, actor, AuditLog.now());
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("share", Map.of("from", before, "to", share));
      audit.record(
          actor,
          AuditAction.HOLDOUT_UPDATED,
          AuditTarget.HOLDOUT,
          "global",
          "Set the global holdout to " + share,
          details);
      em.flush();
      cached = new Cached(new GlobalHoldout(share), Instant.now().plus(cacheTtl));
    }
    return setting;
  }
}
