package dev.marquee.experiment.events;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The key of one aggregate row. Keys of a table sort in one fixed order, the order in which every
 * batch upserts (and so locks) the rows, which keeps concurrent batches from deadlocking.
 */
public sealed interface CounterKey {
  /** The key column values, in the order of {@link CounterTable}'s key columns. */
  List<Object> values();

  /** A row of {@link CounterTable#DAILY}. */
  record Daily(UUID experimentId, UUID armId, UUID audienceGroupId, LocalDate day)
      implements CounterKey, Comparable<Daily> {
    private static final Comparator<Daily> ORDER =
        Comparator.comparing(Daily::experimentId)
            .thenComparing(Daily::armId)
            .thenComparing(Daily::audienceGroupId)
            .thenComparing(Daily::day);

    @Override
    public List<Object> values() {
      return List.of(experimentId, armId, audienceGroupId, day);
    }

    @Override
    public int compareTo(Daily o) {
      return ORDER.compare(this, o);
    }
  }

  /** A row of {@link CounterTable#RATIO_SUMS}. */
  record ArmGroup(UUID experimentId, UUID armId, UUID audienceGroupId)
      implements CounterKey, Comparable<ArmGroup> {
    private static final Comparator<ArmGroup> ORDER =
        Comparator.comparing(ArmGroup::experimentId)
            .thenComparing(ArmGroup::armId)
            .thenComparing(ArmGroup::audienceGroupId);

    @Override
    public List<Object> values() {
      return List.of(experimentId, armId, audienceGroupId);
    }

    @Override
    public int compareTo(ArmGroup o) {
      return ORDER.compare(this, o);
    }
  }

  /** A row of {@link CounterTable#PERIOD_OUTCOMES}. */
  record Period(UUID experimentId, int period, UUID armId, UUID audienceGroupId)
      implements CounterKey, Comparable<Period> {
    private static final Comparator<Period> ORDER =
        Comparator.comparing(Period::experimentId)
            .thenComparingInt(Period::period)
            .thenComparing(Period::armId)
            .thenComparing(Period::audienceGroupId);

    @Override
    public List<Object> values() {
      return List.of(experimentId, period, armId, audienceGroupId);
    }

    @Override
    public int compareTo(Period o) {
      return ORDER.compare(this, o);
    }
  }
}
