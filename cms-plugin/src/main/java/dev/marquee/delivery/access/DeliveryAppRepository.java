package dev.marquee.delivery.access;

import dev.marquee.paging.KeysetCursor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores delivery apps and their keys. */
public interface DeliveryAppRepository {
  Optional<DeliveryApp> find(UUID id);

  Optional<DeliveryApp> findByName(String name);

  void add(DeliveryApp app);

  /** Removes the app; its keys and origins go with it (database cascade). */
  void remove(DeliveryApp app);

  /** Apps ordered by name then id, after the cursor's position; at most {@code limit}. */
  List<DeliveryApp> list(KeysetCursor after, int limit);

  Optional<DeliveryApiKey> findKey(String keyId);

  /** The app's keys, newest first. */
  List<DeliveryApiKey> keysOf(UUID appId);

  void addKey(DeliveryApiKey key);

  /** Sets the key's last use to {@code at} unless it is already later; no version change. */
  void touchKey(String keyId, Instant at);

  /** Writes pending changes now, so that an updated app's version is the one to be committed. */
  void flush();

  /** The allowed origins of every enabled app. */
  List<String> enabledOrigins();
}
