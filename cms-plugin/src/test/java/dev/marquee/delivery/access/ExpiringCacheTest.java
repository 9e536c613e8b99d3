package dev.marquee.delivery.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
  private final AtomicLong now = new AtomicLong(-5);
  private final List<String> loads = new ArrayList<>();

  private Optional<String> load(String key) {
    loads.add(key);
    return key.startsWith("missing") ? Optional.empty() : Optional.of(key.toUpperCase());
  }

  @Test
  void servesFromMemoryUntilTheTtlThenLoadsAgain() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(10, 100, now::get);

    assertThat(cache.get("a", this::load)).contains("A");
    now.addAndGet(99);
    assertThat(cache.get("a", this::load)).contains("A");
    assertThat(loads).containsExactly("a");
    now.addAndGet(1);
    assertThat(cache.get("a", this::load)).contains("A");
    assertThat(loads).containsExactly("a", "a");
  }

  @Test
  void cachesAbsenceToo() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(10, 100, now::get);
    assertThat(cache.get("missing", this::load)).isEmpty();
    assertThat(cache.get("missing", this::load)).isEmpty();
    assertThat(loads).containsExactly("missing");
  }

  @Test
  void staysWithinItsBoundDroppingExpiredEntriesFirst() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(3, 100, now::get);
    cache.get("old", this::load);
    now.addAndGet(60);
    cache.get("b", this::load);
    cache.get("c", this::load);
    now.addAndGet(50);
    cache.get("d", this::load);

    assertThat(cache.size()).isEqualTo(3);
    loads.clear();
    cache.get("b", this::load);
    cache.get("c", this::load);
    cache.get("d", this::load);
    assertThat(loads).as("only the expired entry was dropped").isEmpty();

    for (int i = 0; i < 20; i++) {
      cache.get("k" + i, this::load);
    }
    assertThat(cache.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void invalidationForcesALoad() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(10, 100, now::get);
    cache.get("a", this::load);
    cache.get("b", this::load);
    cache.invalidateIf("A"::equals);
    cache.get("a", this::load);
    cache.get("b", this::load);
    cache.invalidate("b");
    cache.get("b", this::load);
    assertThat(loads).containsExactly("a", "b", "a", "b");
  }

  @Test
  void aZeroTtlNeverCaches() {
    ExpiringCache<String, String> cache = new ExpiringCache<>(10, 0, now::get);
    cache.get("a", this::load);
    cache.get("a", this::load);
    assertThat(loads).containsExactly("a", "a");
    assertThat(cache.size()).isZero();
  }
}
