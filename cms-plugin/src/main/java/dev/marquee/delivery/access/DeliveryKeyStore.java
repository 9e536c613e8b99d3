package dev.marquee.delivery.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The database side of key verification: each method is its own short transaction, because it is
 * called from request filters before any resource (and its transaction) runs.
 */
@ApplicationScoped
public class DeliveryKeyStore {
  private DeliveryAppRepository apps;

  protected DeliveryKeyStore() {}

  @Inject
  public DeliveryKeyStore(DeliveryAppRepository apps) {
    this.apps = apps;
  }

  /** The key with its app, or empty when no key has this id. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<StoredKey> load(String keyId) {
    return apps.findKey(keyId)
        .flatMap(key -> apps.find(key.getAppId()).map(app -> StoredKey.of(key, app)));
  }

  /** Records a use of the key at {@code at}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void touch(String keyId, Instant at) {
    apps.touchKey(keyId, at);
  }

  /** The allowed origins of every enabled app. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<String> enabledOrigins() {
    return apps.enabledOrigins();
  }
}
