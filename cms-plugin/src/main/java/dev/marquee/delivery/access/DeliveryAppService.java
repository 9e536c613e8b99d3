package dev.marquee.delivery.access;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.audit.ChangeSet;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Use cases on delivery apps and their keys, for administrators. Each public method is one
 * transaction, records an audit event for every change, and announces changes that affect request
 * authentication ({@link DeliveryAccessChanged}) so that this node's caches drop them after commit.
 */
@ApplicationScoped
@Transactional
public class DeliveryAppService {
  /** Enough for rotation (old and new) with room for staged roll-outs, not for key sprawl. */
  public static final int MAX_ACTIVE_KEYS = 10;

  public static final int MAX_LABEL = 100;

  private static final Logger LOG = Logger.getLogger(DeliveryAppService.class.getName());

  private DeliveryAppRepository apps;
  private AuditLog audit;
  private Consumer<DeliveryAccessChanged> changes;
  private ApiKeyFormat keys;

  protected DeliveryAppService() {}

  @Inject
  public DeliveryAppService(
      DeliveryAppRepository apps, AuditLog audit, Event<DeliveryAccessChanged> changes) {
    this(apps, audit, changes::fire, new ApiKeyFormat(new SecureRandom()));
  }

  /** For use outside a container. */
  public DeliveryAppService(
      DeliveryAppRepository apps,
      AuditLog audit,
      Consumer<DeliveryAccessChanged> changes,
      ApiKeyFormat keys) {
    this.apps = apps;
    this.audit = audit;
    this.changes = changes;
    this.keys = keys;
  }

  /**
   * @throws InvalidInputException when the draft breaks a rule
   * @throws ResourceConflictException when another app has the name
   */
  public DeliveryApp create(DeliveryAppDraft draft, String actor) {
    DeliveryAppDraft valid = draft.validated();
    requireUniqueName(valid.name(), null);
    DeliveryApp app = new DeliveryApp(valid, actor, AuditLog.now());
    apps.add(app);
    audit.record(
        actor,
        AuditAction.DELIVERY_APP_CREATED,
        AuditTarget.DELIVERY_APP,
        app.getId().toString(),
        "Created delivery app '" + app.getName() + "'",
        app.snapshot());
    changes.accept(new DeliveryAccessChanged(app.getId()));
    return app;
  }

  /** Apps by name, one page at a time. */
  public Page<DeliveryApp> list(String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("delivery-apps");
    List<DeliveryApp> rows = apps.list(KeysetCursor.decode(cursor, fingerprint), size + 1);
    return Page.fromOverfetch(
        rows, size, last -> new KeysetCursor(fingerprint, last.getName(), last.getId()).encode());
  }

  /**
   * @throws ResourceNotFoundException when there is no such app
   */
  public DeliveryApp get(UUID id) {
    return apps.find(id)
        .orElseThrow(() -> new ResourceNotFoundException("No delivery app with id " + id));
  }

  /**
   * Replaces the app's settings; {@code enabled=false} disables every key of the app at once.
   *
   * @param expectedVersion the version the client last read, or null for any
   * @throws StaleVersionException when the app has changed since
   */
  public DeliveryApp update(UUID id, Long expectedVersion, DeliveryAppDraft draft, String actor) {
    DeliveryApp app = current(id, expectedVersion);
    DeliveryAppDraft valid = draft.validated();
    requireUniqueName(valid.name(), id);
    Map<String, Object> before = app.snapshot();
    if (app.apply(valid, actor, AuditLog.now())) {
      audit.record(
          actor,
          AuditAction.DELIVERY_APP_UPDATED,
          AuditTarget.DELIVERY_APP,
          id.toString(),
          "Updated delivery app '" + app.getName() + "'",
          ChangeSet.between(before, app.snapshot()));
      apps.flush(); // the answer's ETag must be the new version
      changes.accept(new DeliveryAccessChanged(id));
    }
    return app;
  }

  /** Deletes the app and all its keys. */
  public void delete(UUID id, Long expectedVersion, String actor) {
    DeliveryApp app = current(id, expectedVersion);
    Map<String, Object> snapshot = app.snapshot();
    apps.remove(app);
    audit.record(
        actor,
        AuditAction.DELIVERY_APP_DELETED,
        AuditTarget.DELIVERY_APP,
        id.toString(),
        "Deleted delivery app '" + snapshot.get("name") + "' and its keys",
        snapshot);
    changes.accept(new DeliveryAccessChanged(id));
  }

  /**
   * Issues a new key for the app; the app's other keys keep working (rotation: issue, deploy,
   * revoke the old one).
   *
   * @param expiresAt null for a key that does not expire; otherwise in the future
   * @throws ResourceConflictException when the app already has {@link #MAX_ACTIVE_KEYS} active keys
   */
  public IssuedKey issueKey(UUID appId, String label, Instant expiresAt, String actor) {
    DeliveryApp app = get(appId);
    Instant now = AuditLog.now();
    String cleanLabel = label == null || label.isBlank() ? null : label.strip();
    if (cleanLabel != null && cleanLabel.length() > MAX_LABEL) {
      throw new InvalidInputException(
          new FieldError("label", "must be at most " + MAX_LABEL + " characters"));
    }
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      throw new InvalidInputException(new FieldError("expiresAt", "must be in the future"));
    }
    long active = apps.keysOf(appId).stream().filter(k -> k.isActiveAt(now)).count();
    if (active >= MAX_ACTIVE_KEYS) {
      throw new ResourceConflictException(
          "Delivery app '"
              + app.getName()
              + "' already has "
              + MAX_ACTIVE_KEYS
              + " active keys; revoke one first");
    }
    PresentedKey key = keys.generate();
    DeliveryApiKey stored = new DeliveryApiKey(key, appId, cleanLabel, expiresAt, actor, now);
    apps.addKey(stored);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("keyId", stored.getKeyId());
    details.put("prefix", stored.prefix());
    details.put("label", cleanLabel);
    details.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
    audit.record(
        actor,
        AuditAction.DELIVERY_KEY_ISSUED,
        AuditTarget.DELIVERY_APP,
        appId.toString(),
        "Issued API key " + stored.prefix() + " for delivery app '" + app.getName() + "'",
        details);
    LOG.info(() -> actor + " issued delivery API key " + stored.prefix() + " for app " + appId);
    changes.accept(new DeliveryAccessChanged(appId));
    return new IssuedKey(stored, key.value());
  }

  /** The app's keys, newest first, revoked ones included. */
  public List<DeliveryApiKey> keys(UUID appId) {
    get(appId);
    return apps.keysOf(appId);
  }

  /**
   * Revokes a key of the app; revoking it again changes nothing.
   *
   * @throws ResourceNotFoundException when the app has no key with this id
   */
  public DeliveryApiKey revokeKey(UUID appId, String keyId, String actor) {
    DeliveryApp app = get(appId);
    DeliveryApiKey key =
        apps.findKey(keyId)
            .filter(k -> k.getAppId().equals(appId))
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "Delivery app " + appId + " has no key with id " + keyId));
    if (key.revoke(actor, AuditLog.now())) {
      audit.record(
          actor,
          AuditAction.DELIVERY_KEY_REVOKED,
          AuditTarget.DELIVERY_APP,
          appId.toString(),
          "Revoked API key " + key.prefix() + " of delivery app '" + app.getName() + "'",
          Map.of("keyId", keyId, "prefix", key.prefix()));
      LOG.info(() -> actor + " revoked delivery API key " + key.prefix() + " of app " + appId);
      changes.accept(new DeliveryAccessChanged(appId));
    }
    return key;
  }

  private DeliveryApp current(UUID id, Long expectedVersion) {
    DeliveryApp app = get(id);
    if (expectedVersion != null && app.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Delivery app " + id + " is at version " + app.getVersion() + ", not " + expectedVersion,
          app.getVersion());
    }
    return app;
  }

  private void requireUniqueName(String name, UUID self) {
    apps.findByName(name)
        .filter(other -> !other.getId().equals(self))
        .ifPresent(
            other -> {
              throw new ResourceConflictException(
                  "A delivery app named '" + name + "' already exists");
            });
  }
}
