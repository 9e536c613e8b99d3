package dev.marquee.experiment.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.experiment.guardrail.rules.BlockRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GuardrailBlockCounterTest {
  static final BlockRule RULE = BlockRule.values()[0];

  /** Keeps what it is given, like the table: additive per kind. */
  static class RecordingRepository extends GuardrailBlockRepository {
    final Map<BlockedChoice, Long> stored = new HashMap<>();
    volatile boolean failing;

    @Override
    public synchronized void add(Map<BlockedChoice, Long> counts) {
      if (failing) {
        throw new IllegalStateException("database down");
      }
      counts.forEach((k, n) -> stored.merge(k, n, Long::sum));
    }

    synchronized long total() {
      return stored.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static BlockedChoice block(UUID entry) {
    return new BlockedChoice(
        LocalDate.of(2026, 12, 3), entry, null, null, UUID.randomUUID(), "DEFAULT", RULE);
  }

  @Test
  void noCountIsLostWhileFlushesRun() throws Exception {
    GuardrailBlockCounter counter = new GuardrailBlockCounter();
    RecordingRepository repository = new RecordingRepository();
    counter.repository = repository;
    List<BlockedChoice> kinds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      kinds.add(block(UUID.randomUUID()));
    }
    int threads = 4;
    int perThread = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    AtomicBoolean counting = new AtomicBoolean(true);
    Future<?> flusher =
        pool.submit(
            () -> {
              while (counting.get()) {
                counter.flush();
              }
            });
    List<Future<?>> counters = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      counters.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  counter.count(kinds.get(i % kinds.size()));
                }
              }));
    }
    for (Future<?> f : counters) {
      f.get();
    }
    counting.set(false);
    flusher.get();
    counter.flush();
    pool.shutdown();

    assertThat(repository.total()).isEqualTo((long) threads * perThread);
    assertThat(repository.stored).hasSize(kinds.size());
    assertThat(repository.stored.values()).containsOnly((long) threads * perThread / kinds.size());
  }

  @Test
  void aFailedFlushKeepsItsCountsForTheNext() {
    GuardrailBlockCounter counter = new GuardrailBlockCounter();
    RecordingRepository repository = new RecordingRepository();
    counter.repository = repository;
    BlockedChoice b = block(UUID.randomUUID());
    counter.count(b);
    counter.count(b);

    repository.failing = true;
    counter.flush();
    counter.count(b);
    repository.failing = false;
    counter.flush();

    assertThat(repository.stored).containsExactly(Map.entry(b, 3L));
  }
}
