package dev.marquee.experiment.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MemoTest {
  @Test
  void derivesOnFirstUseAndKeepsTheValue() {
    Memo memo = new Memo();
    AtomicInteger derived = new AtomicInteger();
    Function<String, String> upper =
        s -> {
          derived.incrementAndGet();
          return s.toUpperCase();
        };

    String first = memo.get("charade", upper);
    String again = memo.<String, String>get("charade", upper);

    assertThat(first).isEqualTo("CHARADE");
    assertThat(again).isSameAs(first);
    assertThat(derived).hasValue(1);
  }
}
