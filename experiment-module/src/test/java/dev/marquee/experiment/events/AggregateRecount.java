package dev.marquee.experiment.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The independent reference for ingestion: every aggregate of an experiment recomputed from its
 * stored raw events (one row per counted event) by the definitions in the user guide, compared with
 * what ingestion wrote incrementally. Only the daily split of viewer transitions depends on the
 * order batches arrived in, so viewer columns are compared summed over days.
 */
final class AggregateRecount {
  private AggregateRecount() {}

  /** Asserts that every aggregate of the experiment equals its recomputation. */
  static void assertExact(DataSource ds, RunningExperiment x) {
    try (Connection c = ds.getConnection()) {
      check(c, x);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored event ids of the experiment. */
  static Set<String> storedEventIds(DataSource ds, UUID experiment) {
    Set<String> ids = new HashSet<>();
    try (Connection c = ds.getConnection()) {
      for (Object[] r :
          rows(c, "select event_id from experiment_event where experiment_id = ?", experiment)) {
        ids.add((String) r[0]);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  private record Viewer(String key, UUID arm) {}

  private record ArmGroup(UUID arm, UUID group) {}

  private static void check(Connection c, RunningExperiment x) throws SQLException {
    UUID id = x.id();
    Map<Viewer, long[]> totals = new HashMap<>();
    Map<Viewer, Set<UUID>> groupsOf = new HashMap<>();
    Map<String, long[]> daily = new TreeMap<>();
    for (Object[] r :
        rows(
            c,
            "select viewer_key, arm_id, audience_group_id, event_type, watched_seconds,"
                + " occurred_at from experiment_event where experiment_id = ?",
            id)) {
      Viewer v = new Viewer((String) r[0], uuid(r[1]));
      UUID group = uuid(r[2]);
      String type = (String) r[3];
      boolean qualified =
          type.equals("PLAY")
              && r[4] != null
              && ((Number) r[4]).intValue() >= x.qualifiedPlaySeconds();
      LocalDate day = ((OffsetDateTime) r[5]).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
      groupsOf.computeIfAbsent(v, k -> new HashSet<>()).add(group);
      long[] t = totals.computeIfAbsent(v, k -> new long[4]);
      long[] d = daily.computeIfAbsent(v.arm() + "/" + group + "/" + day, k -> new long[4]);
      int column = type.equals("IMPRESSION") ? 0 : type.equals("CLICK") ? 1 : 2;
      t[column]++;
      d[column]++;
      if (qualified) {
        t[3]++;
        d[3]++;
      }
    }
    // each viewer is counted in one group, and their stored events say which
    groupsOf.forEach((v, groups) -> assertThat(groups).as("groups of %s", v).hasSize(1));

    Map<Viewer, long[]> rowsByViewer = new HashMap<>();
    Map<Viewer, Integer> periodOf = new HashMap<>();
    for (Object[] r :
        rows(
            c,
            "select viewer_key, arm_id, audience_group_id, impressions, clicks, plays,"
                + " qualified_plays, period from experiment_viewer_counts where experiment_id = ?",
            id)) {
      Viewer v = new Viewer((String) r[0], uuid(r[1]));
      assertThat(uuid(r[2])).as("group of %s", v).isEqualTo(groupsOf.get(v).iterator().next());
      rowsByViewer.put(v, longs(r, 3, 4));
      periodOf.put(v, r[7] == null ? null : ((Number) r[7]).intValue());
    }
    assertThat(rowsByViewer.keySet()).as("viewer rows").isEqualTo(totals.keySet());
    totals.forEach(
        (v, t) -> assertThat(rowsByViewer.get(v)).as("counters of %s", v).containsExactly(t));

    Map<String, long[]> storedDaily = new TreeMap<>();
    Map<ArmGroup, long[]> viewerColumns = new HashMap<>();
    for (Object[] r :
        rows(
            c,
            "select arm_id, audience_group_id, event_day, impressions, clicks, plays,"
                + " qualified_plays, viewers_exposed, viewers_clicked, viewers_played,"
                + " viewers_qualified from experiment_daily_counts where experiment_id = ?",
            id)) {
      LocalDate day = r[2] instanceof LocalDate l ? l : ((java.sql.Date) r[2]).toLocalDate();
      storedDaily.put(uuid(r[0]) + "/" + uuid(r[1]) + "/" + day, longs(r, 3, 4));
      long[] vc =
          viewerColumns.computeIfAbsent(new ArmGroup(uuid(r[0]), uuid(r[1])), k -> new long[4]);
      long[] row = longs(r, 7, 4);
      for (int i = 0; i < 4; i++) {
        vc[i] += row[i];
      }
    }
    assertThat(storedDaily.keySet()).as("daily rows").isEqualTo(daily.keySet());
    daily.forEach((k, d) -> assertThat(storedDaily.get(k)).as("daily %s", k).containsExactly(d));

    Map<ArmGroup, long[]> expectedViewers = new HashMap<>();
    Map<ArmGroup, long[]> expectedSums = new HashMap<>();
    Map<String, long[]> expectedPeriods = new TreeMap<>();
    totals.forEach(
        (v, t) -> {
          ArmGroup ag = new ArmGroup(v.arm(), groupsOf.get(v).iterator().next());
          long[] transitions = {1, t[1] > 0 ? 1 : 0, t[2] > 0 ? 1 : 0, t[3] > 0 ? 1 : 0};
          add(expectedViewers.computeIfAbsent(ag, k -> new long[4]), transitions);
          long m = t[1];
          long d = t[0];
          add(
              expectedSums.computeIfAbsent(ag, k -> new long[6]),
              new long[] {1, m, d, m * m, d * d, m * d});
          Integer period = periodOf.get(v);
          if (period != null) {
            add(
                expectedPeriods.computeIfAbsent(
                    period + "/" + ag.arm() + "/" + ag.group(), k -> new long[4]),
                transitions);
          }
        });
    assertThat(viewerColumns.keySet()).isEqualTo(expectedViewers.keySet());
    expectedViewers.forEach(
        (k, e) -> assertThat(viewerColumns.get(k)).as("viewers of %s", k).containsExactly(e));

    Map<ArmGroup, long[]> storedSums = new HashMap<>();
    for (Object[] r :
        rows(
            c,
            "select arm_id, audience_group_id, viewers, sum_m, sum_d, sum_mm, sum_dd, sum_md"
                + " from experiment_ratio_sums where experiment_id = ?",
            id)) {
      storedSums.put(new ArmGroup(uuid(r[0]), uuid(r[1])), longs(r, 2, 6));
    }
    assertThat(storedSums.keySet()).as("ratio-sum rows").isEqualTo(expectedSums.keySet());
    expectedSums.forEach(
        (k, e) -> assertThat(storedSums.get(k)).as("ratio sums of %s", k).containsExactly(e));

    Map<String, long[]> storedPeriods = new TreeMap<>();
    for (Object[] r :
        rows(
            c,
            "select period, arm_id, audience_group_id, viewers_exposed, viewers_clicked,"
                + " viewers_played, viewers_qualified from experiment_period_outcomes"
                + " where experiment_id = ?",
            id)) {
      storedPeriods.put(
          ((Number) r[0]).intValue() + "/" + uuid(r[1]) + "/" + uuid(r[2]), longs(r, 3, 4));
    }
    assertThat(storedPeriods.keySet()).as("period rows").isEqualTo(expectedPeriods.keySet());
    expectedPeriods.forEach(
        (k, e) -> assertThat(storedPeriods.get(k)).as("period outcomes %s", k).containsExactly(e));
  }

  private static void add(long[] into, long[] values) {
    for (int i = 0; i < values.length; i++) {
      into[i] += values[i];
    }
  }

  private static long[] longs(Object[] row, int from, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = ((Number) row[from + i]).longValue();
    }
    return out;
  }

  private static UUID uuid(Object o) {
    return o instanceof UUID u ? u : UUID.fromString(o.toString());
  }

  private static List<Object[]> rows(Connection c, String sql, UUID experiment)
      throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, experiment);
      try (ResultSet rs = s.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[n];
          for (int i = 0; i < n; i++) {
            String type = rs.getMetaData().getColumnTypeName(i + 1).toLowerCase();
            row[i] =
                type.contains("timestamp")
                    ? rs.getObject(i + 1, OffsetDateTime.class)
                    : type.equals("date")
                        ? rs.getObject(i + 1, LocalDate.class)
                        : rs.getObject(i + 1);
          }
          out.add(row);
        }
      }
    }
    return out;
  }
}
