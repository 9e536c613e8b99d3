package dev.marquee.experiment.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What one batch adds to the aggregate tables, from each viewer's new events and the viewer's
 * counter row as the batch found it. Everything it computes is a difference of the viewer's totals
 * before and after the batch, so it stays exact when a viewer's events are spread over many
 * batches: Σ M² grows by (M + m)² − M², not by m².
 *
 * <p>A viewer becomes exposed, a clicker, a player or a qualified player with the first event that
 * takes the matching total from zero; that event's UTC day gets the transition in the daily counts.
 * Holds no database state; one instance per batch.
 */
public final class BatchAggregates {
  private final SortedMap<CounterKey.Daily, long[]> daily = new TreeMap<>();
  private final SortedMap<CounterKey.ArmGroup, long[]> sums = new TreeMap<>();
  private final SortedMap<CounterKey.Period, long[]> periods = new TreeMap<>();

  /**
   * One new event of a viewer.
   *
   * @param qualified a play of at least the experiment's qualified-play seconds
   */
  public record CountedEvent(EventType type, boolean qualified, Instant occurredAt) {}

  /**
   * Adds one viewer's new events.
   *
   * @param row the viewer's counter row before the batch (its group and period decide where the
   *     viewer is counted)
   * @param events the viewer's new events in the order they occurred
   */
  public void addViewer(ViewerArm viewer, ViewerCounter row, List<CountedEvent> events) {
    UUID experiment = viewer.experimentId();
    UUID arm = viewer.armId();
    UUID group = row.audienceGroupId();
    ViewerTotals before = row.before();
    ViewerTotals now = before;
    for (CountedEvent e : events) {
      ViewerTotals next = now.plus(e.type(), e.qualified());
      long[] transitions = {
        now.isEmpty() ? 1 : 0,
        now.clicks() == 0 && next.clicks() > 0 ? 1 : 0,
        now.plays() == 0 && next.plays() > 0 ? 1 : 0,
        now.qualifiedPlays() == 0 && next.qualifiedPlays() > 0 ? 1 : 0
      };
      LocalDate day = LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC);
      long[] d =
          daily.computeIfAbsent(
              new CounterKey.Daily(experiment, arm, group, day),
              k -> new long[CounterTable.DAILY.counters.size()]);
      d[0] += e.type() == EventType.IMPRESSION ? 1 : 0;
      d[1] += e.type() == EventType.CLICK ? 1 : 0;
      d[2] += e.type() == EventType.PLAY ? 1 : 0;
      d[3] += e.qualified() ? 1 : 0;
      for (int i = 0; i < transitions.length; i++) {
        d[4 + i] += transitions[i];
      }
      if (row.period() != null) {
        long[] p =
            periods.computeIfAbsent(
                new CounterKey.Period(experiment, row.period(), arm, group),
                k -> new long[CounterTable.PERIOD_OUTCOMES.counters.size()]);
        for (int i = 0; i < transitions.length; i++) {
          p[i] += transitions[i];
        }
      }
      now = next;
    }
    long m0 = before.clicks();
    long d0 = before.impressions();
    long m1 = now.clicks();
    long d1 = now.impressions();
    long[] s =
        sums.computeIfAbsent(
            new CounterKey.ArmGroup(experiment, arm, group),
            k -> new long[CounterTable.RATIO_SUMS.counters.size()]);
    s[0] += before.isEmpty() && !now.isEmpty() ? 1 : 0;
    s[1] += m1 - m0;
    s[2] += d1 - d0;
    s[3] += m1 * m1 - m0 * m0;
    s[4] += d1 * d1 - d0 * d0;
    s[5] += m1 * d1 - m0 * d0;
  }

  /** Deltas per daily row, in lock order. */
  public SortedMap<CounterKey.Daily, long[]> daily() {
    return daily;
  }

  /** Deltas of the delta-method sums per (experiment, arm, group), in lock order. */
  public SortedMap<CounterKey.ArmGroup, long[]> sums() {
    return sums;
  }

  /** Deltas per allocation-period row, in lock order. */
  public SortedMap<CounterKey.Period, long[]> periods() {
    return periods;
  }
}
