package dev.marquee.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class DueWorkRoundTest {
  private static final Logger LOG = Logger.getLogger(DueWorkRoundTest.class.getName());

  @Test
  void aFailingItemDoesNotStopTheOthers() {
    List<Integer> handled = new ArrayList<>();

    int done =
        DueWorkRound.run(
            LOG,
            "test item",
            () -> List.of(1, 2, 3, 4),
            i -> {
              if (i == 2) {
                throw new IllegalStateException("item 2 is broken");
              }
              handled.add(i);
              return i != 4; // 4 was claimed by another node
            });

    assertThat(handled).containsExactly(1, 3, 4);
    assertThat(done).isEqualTo(2);
  }

  @Test
  void aFailingQueryEndsTheRoundQuietly() {
    int done =
        DueWorkRound.run(
            LOG,
            "test item",
            () -> {
              throw new IllegalStateException("database down");
            },
            i -> true);

    assertThat(done).isZero();
  }
}
