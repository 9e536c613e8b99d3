package dev.marquee.experiment.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The aggregate deltas of one batch, checked against the definitions computed by hand from the
 * viewer's totals before and after (Σ M² grows by M₁² − M₀², and so on).
 */
class BatchAggregatesTest {
  private static final UUID X = UUID.randomUUID();
  private static final UUID ARM = UUID.randomUUID();
  private static final UUID GROUP = UUID.randomUUID();
  private static final Instant DAY1 = Instant.parse("2026-11-23T23:59:00Z");
  private static final Instant DAY2 = Instant.parse("2026-11-24T00:01:00Z");

  private static BatchAggregates.CountedEvent e(EventType type, boolean qualified, Instant at) {
    return new BatchAggregates.CountedEvent(type, qualified, at);
  }

  @Test
  void aReturningViewerAddsTheDifferenceOfSquares() {
    BatchAggregates a = new BatchAggregates();
    ViewerArm ana = new ViewerArm(X, "ana", ARM);
    // before: M = 2 clicks, D = 3 impressions, one unqualified play
    a.addViewer(
        ana,
        new ViewerCounter(GROUP, 4, new ViewerTotals(3, 2, 1, 0)),
        List.of(
            e(EventType.IMPRESSION, false, DAY2),
            e(EventType.CLICK, false, DAY2),
            e(EventType.IMPRESSION, false, DAY2),
            e(EventType.PLAY, true, DAY2)));

    // after: M = 3, D = 5. Not exposed again, no new clicker or player; first qualified play.
    assertThat(a.sums().get(new CounterKey.ArmGroup(X, ARM, GROUP)))
        .containsExactly(0, 1, 2, 9 - 4, 25 - 9, 15 - 6);
    assertThat(a.daily().get(new CounterKey.Daily(X, ARM, GROUP, LocalDate.parse("2026-11-24"))))
        .containsExactly(2, 1, 1, 1, 0, 0, 0, 1);
    assertThat(a.periods().get(new CounterKey.Period(X, 4, ARM, GROUP)))
        .containsExactly(0, 0, 0, 1);
  }

  @Test
  void aNewViewerIsCountedOnTheDayOfTheEventThatExposedThem() {
    BatchAggregates a = new BatchAggregates();
    a.addViewer(
        new ViewerArm(X, "ben", ARM),
        new ViewerCounter(GROUP, null, ViewerTotals.NONE),
        List.of(
            e(EventType.IMPRESSION, false, DAY1),
            e(EventType.IMPRESSION, false, DAY2),
            e(EventType.CLICK, false, DAY2),
            e(EventType.CLICK, false, DAY2)));

    assertThat(a.daily().get(new CounterKey.Daily(X, ARM, GROUP, LocalDate.parse("2026-11-23"))))
        .containsExactly(1, 0, 0, 0, 1, 0, 0, 0);
    assertThat(a.daily().get(new CounterKey.Daily(X, ARM, GROUP, LocalDate.parse("2026-11-24"))))
        .containsExactly(1, 2, 0, 0, 0, 1, 0, 0);
    // M = 2, D = 2
    assertThat(a.sums().get(new CounterKey.ArmGroup(X, ARM, GROUP)))
        .containsExactly(1, 2, 2, 4, 4, 4);
    assertThat(a.periods()).as("rows from before periods were recorded").isEmpty();
  }

  @Test
  void rowsComeOutInOneOrderWhateverTheOrderTheyWereAddedIn() {
    UUID low = new UUID(0, 1);
    UUID high = new UUID(0, 2);
    BatchAggregates a = new BatchAggregates();
    for (UUID arm : List.of(high, low)) {
      a.addViewer(
          new ViewerArm(X, "v", arm),
          new ViewerCounter(GROUP, 1, ViewerTotals.NONE),
          List.of(e(EventType.IMPRESSION, false, DAY1)));
    }
    assertThat(a.sums().keySet()).extracting(CounterKey.ArmGroup::armId).containsExactly(low, high);
  }
}
