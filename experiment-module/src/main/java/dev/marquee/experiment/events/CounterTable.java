package dev.marquee.experiment.events;

import java.util.List;

/**
 * The additive aggregate tables ingestion writes: their key columns (with SQL types, the same names
 * on H2 and PostgreSQL) and counter columns, in the order of {@link CounterKey#values()} and of the
 * deltas {@link BatchAggregates} computes.
 */
public enum CounterTable {
  /** Counts per (experiment, arm, audience group, UTC day of the event). */
  DAILY(
      "experiment_daily_counts",
      List.of("experiment_id", "arm_id", "audience_group_id", "event_day"),
      List.of("uuid", "uuid", "uuid", "date"),
      List.of(
          "impressions",
          "clicks",
          "plays",
          "qualified_plays",
          "viewers_exposed",
          "viewers_clicked",
          "viewers_played",
          "viewers_qualified")),
  /** Per (experiment, arm, audience group), over viewers: n, Σ M, Σ D, Σ M², Σ D², Σ M·D. */
  RATIO_SUMS(
      "experiment_ratio_sums",
      List.of("experiment_id", "arm_id", "audience_group_id"),
      List.of("uuid", "uuid", "uuid"),
      List.of("viewers", "sum_m", "sum_d", "sum_mm", "sum_dd", "sum_md")),
  /** Viewers exposed and converted per (experiment, allocation period, arm, audience group). */
  PERIOD_OUTCOMES(
      "experiment_period_outcomes",
      List.of("experiment_id", "period", "arm_id", "audience_group_id"),
      List.of("uuid", "integer", "uuid", "uuid"),
      List.of("viewers_exposed", "viewers_clicked", "viewers_played", "viewers_qualified"));

  final String table;
  final List<String> keys;
  final List<String> keyTypes;
  final List<String> counters;

  CounterTable(String table, List<String> keys, List<String> keyTypes, List<String> counters) {
    this.table = table;
    this.keys = keys;
    this.keyTypes = keyTypes;
    this.counters = counters;
  }
}
