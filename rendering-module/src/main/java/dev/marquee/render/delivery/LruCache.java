package dev.marquee.render.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small thread-safe map that forgets its least recently used entry beyond a fixed size. */
final class LruCache<K, V> {
  private final Map<K, V> entries;

  LruCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The cached value, or {@code compute}'s, which is cached. {@code compute} runs outside the lock
   * (it may query a database); two threads may then both compute, which is harmless.
   */
  V get(K key, Function<K, V> compute) {
    synchronized (entries) {
      V cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    V value = compute.apply(key);
    synchronized (entries) {
      entries.put(key, value);
    }
    return value;
  }

  void remove(K key) {
    synchronized (entries) {
      entries.remove(key);
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
