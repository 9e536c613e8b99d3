package dev.marquee.delivery.access;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A bounded map whose entries expire a fixed time after they were loaded. When full, expired
 * entries are dropped first, then arbitrary ones: the cache only saves database reads, so losing an
 * entry costs one lookup. Thread-safe; two threads missing the same key may both load it.
 *
 * @param <K> key
 * @param <V> value; {@link Optional#empty()} results are cached too (unknown keys)
 */
public final class ExpiringCache<K, V> {
  private record Entry<V>(Optional<V> value, long expiresAt) {}

  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final long ttlNanos;
  private final LongSupplier nanoClock;

  public ExpiringCache(int maxEntries, long ttlNanos, LongSupplier nanoClock) {
    if (maxEntries < 1 || ttlNanos < 0) {
      throw new IllegalArgumentException("maxEntries must be positive and ttl not negative");
    }
    this.maxEntries = maxEntries;
    this.ttlNanos = ttlNanos;
    this.nanoClock = nanoClock;
  }

  /** The cached value, or what {@code loader} returns now (then cached for the TTL). */
  public Optional<V> get(K key, Function<K, Optional<V>> loader) {
    long now = nanoClock.getAsLong();
    Entry<V> cached = entries.get(key);
    if (cached != null && now - cached.expiresAt() < 0) {
      return cached.value();
    }
    Optional<V> loaded = loader.apply(key);
    if (ttlNanos > 0) {
      makeRoom(now);
      entries.put(key, new Entry<>(loaded, now + ttlNanos));
    }
    return loaded;
  }

  /** Forgets one key. */
  public void invalidate(K key) {
    entries.remove(key);
  }

  /** Forgets every entry whose value matches. */
  public void invalidateIf(Predicate<V> matching) {
    entries.values().removeIf(e -> e.value().isPresent() && matching.test(e.value().get()));
  }

  /** Forgets everything. */
  public void clear() {
    entries.clear();
  }

  public int size() {
    return entries.size();
  }

  private void makeRoom(long now) {
    if (entries.size() < maxEntries) {
      return;
    }
    entries.values().removeIf(e -> now - e.expiresAt() >= 0);
    Iterator<K> keys = entries.keySet().iterator();
    while (entries.size() >= maxEntries && keys.hasNext()) {
      keys.next();
      keys.remove();
    }
  }
}
