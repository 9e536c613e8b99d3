package dev.marquee.render.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LruCacheTest {
  @Test
  void computesOnceAndForgetsTheLeastRecentlyUsedBeyondItsCapacity() {
    AtomicInteger computed = new AtomicInteger();
    LruCache<String, Integer> cache = new LruCache<>(2);
    assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(1);
    assertThat(cache.get("a", k -> computed.incrementAndGet())).isEqualTo(1);
    cache.get("b", k -> computed.incrementAndGet());
    cache.get("a", k -> computed.incrementAndGet()); // a is now more recent than b
    cache.get("c", k -> computed.incrementAndGet()); // evicts b
    assertThat(cache.size()).isEqualTo(2);
    assertThat(computed).hasValue(3);
    cache.get("a", k -> computed.incrementAndGet());
    assertThat(computed).as("a was kept").hasValue(3);
    cache.get("b", k -> computed.incrementAndGet());
    assertThat(computed).as("b was evicted").hasValue(4);
  }

  @Test
  void removedEntriesAreComputedAgain() {
    LruCache<String, Boolean> cache = new LruCache<>(10);
    cache.get("k", k -> true);
    cache.remove("k");
    assertThat(cache.get("k", k -> false)).isFalse();
  }
}
