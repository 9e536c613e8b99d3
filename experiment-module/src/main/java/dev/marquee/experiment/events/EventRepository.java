package dev.marquee.experiment.events;

import dev.marquee.experiment.enrolment.SqlDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Raw events, per-viewer counters and aggregates. Additive upserts are {@code INSERT … ON CONFLICT
 * DO UPDATE} on PostgreSQL (atomic under concurrency) and {@code MERGE} on H2.
 */
@ApplicationScoped
public class EventRepository {
  static final List<String> DAILY_COLUMNS =
      List.of(
          "impressions",
          "clicks",
          "plays",
          "qualified_plays",
          "viewers_exposed",
          "viewers_clicked",
          "viewers_played",
          "viewers_qualified");
  static final List<String> PERIOD_COLUMNS =
      List.of("viewers_exposed", "viewers_clicked", "viewers_played", "viewers_qualified");
  static final List<String> SUM_COLUMNS =
      List.of("viewers", "sum_m", "sum_d", "sum_mm", "sum_dd", "sum_md");

  @PersistenceContext private EntityManager em;
  @Inject SqlDialect dialect;

  /**
   * Stores the raw event unless its id is known.
   *
   * @param armId the event's arm, or the holdout arm
   * @param propensity the probability its arm was assigned with, null when unknown
   * @return whether it was new
   */
  public boolean insertEventIfAbsent(
      IncomingEvent e,
      UUID armId,
      String viewerKey,
      UUID groupId,
      Double propensity,
      Instant receivedAt) {
    List<String> columns =
        List.of(
            "event_id",
            "experiment_id",
            "arm_id",
            "audience_group_id",
            "viewer_key",
            "event_type",
            "watched_seconds",
            "occurred_at",
            "received_at",
            "propensity");
    List<String> types =
        List.of(
            "varchar(100)",
            "uuid",
            "uuid",
            "uuid",
            "varchar(64)",
            "varchar(16)",
            "integer",
            "timestamp with time zone",
            "timestamp with time zone",
            "double precision");
    Query q = em.createNativeQuery(insertIfAbsent("experiment_event", columns, types, 1));
    bind(
        q,
        e.eventId(),
        e.experimentId(),
        armId,
        groupId,
        viewerKey,
        e.type().name(),
        e.watchedSeconds(),
        utc(e.occurredAt()),
        utc(receivedAt),
        propensity);
    return q.executeUpdate() == 1;
  }

  /**
   * The viewer's counters in the arm, created empty if absent and locked for the rest of the
   * transaction.
   *
   * @param period the allocation period a new row belongs to (kept if the row exists)
   */
  public ViewerCounts lockViewer(
      UUID experimentId, String viewerKey, UUID armId, UUID groupId, int period) {
    List<String> columns =
        List.of(
            "experiment_id",
            "viewer_key",
            "arm_id",
            "audience_group_id",
            "impressions",
            "clicks",
            "plays",
            "qualified_plays",
            "period");
    List<String> types =
        List.of(
            "uuid",
            "varchar(64)",
            "uuid",
            "uuid",
            "bigint",
            "bigint",
            "bigint",
            "bigint",
            "integer");
    Query q = em.createNativeQuery(insertIfAbsent("experiment_viewer_counts", columns, types, 3));
    bind(q, experimentId, viewerKey, armId, groupId, 0L, 0L, 0L, 0L, period);
    q.executeUpdate();
    return em.find(
        ViewerCounts.class,
        new ViewerCounts.Key(experimentId, viewerKey, armId),
        LockModeType.PESSIMISTIC_WRITE);
  }

  /** Adds to the day's counts of (experiment, arm, group). */
  public void addDaily(UUID experimentId, UUID armId, UUID groupId, LocalDate day, long[] deltas) {
    List<String> keys = List.of("experiment_id", "arm_id", "audience_group_id", "event_day");
    List<String> keyTypes = List.of("uuid", "uuid", "uuid", "date");
    Query q =
        em.createNativeQuery(
            additiveUpsert("experiment_daily_counts", keys, keyTypes, DAILY_COLUMNS));
    List<Object> values = new ArrayList<>(List.of(experimentId, armId, groupId, day));
    for (long d : deltas) {
      values.add(d);
    }
    bind(q, values.toArray());
    q.executeUpdate();
  }

  /** Adds to the viewer counts of (experiment, period, arm, group). */
  public void addPeriodOutcomes(
      UUID experimentId, int period, UUID armId, UUID groupId, long[] deltas) {
    List<String> keys = List.of("experiment_id", "period", "arm_id", "audience_group_id");
    List<String> keyTypes = List.of("uuid", "integer", "uuid", "uuid");
    Query q =
        em.createNativeQuery(
            additiveUpsert("experiment_period_outcomes", keys, keyTypes, PERIOD_COLUMNS));
    List<Object> values = new ArrayList<>(List.of(experimentId, period, armId, groupId));
    for (long d : deltas) {
      values.add(d);
    }
    bind(q, values.toArray());
    q.executeUpdate();
  }

  /** Adds to the delta-method sums of (experiment, arm, group). */
  public void addSums(UUID experimentId, UUID armId, UUID groupId, long[] deltas) {
    List<String> keys = List.of("experiment_id", "arm_id", "audience_group_id");
    List<String> keyTypes = List.of("uuid", "uuid", "uuid");
    Query q =
        em.createNativeQuery(additiveUpsert("experiment_ratio_sums", keys, keyTypes, SUM_COLUMNS));
    List<Object> values = new ArrayList<>(List.of(experimentId, armId, groupId));
    for (long d : deltas) {
      values.add(d);
    }
    bind(q, values.toArray());
    q.executeUpdate();
  }

  /** Deletes raw events received before the cutoff. @return how many */
  public int purgeReceivedBefore(Instant cutoff) {
    return em.createNativeQuery("delete from experiment_event where received_at < ?1")
        .setParameter(1, utc(cutoff))
        .executeUpdate();
  }

  /** Deletes a viewer's raw events and per-viewer counters. @return rows deleted per table */
  public int[] eraseViewer(String viewerKey) {
    int events =
        em.createNativeQuery("delete from experiment_event where viewer_key = ?1")
            .setParameter(1, viewerKey)
            .executeUpdate();
    int counters =
        em.createNativeQuery("delete from experiment_viewer_counts where viewer_key = ?1")
            .setParameter(1, viewerKey)
            .executeUpdate();
    return new int[] {events, counters};
  }

  private String insertIfAbsent(String table, List<String> columns, List<String> types, int keys) {
    String cols = String.join(", ", columns);
    if (dialect.isPostgres()) {
      return "insert into "
          + table
          + " ("
          + cols
          + ") values ("
          + params(columns.size())
          + ")"
          + " on conflict do nothing";
    }
    StringBuilder on = new StringBuilder();
    for (int i = 0; i < keys; i++) {
      on.append(i == 0 ? "" : " and ")
          .append("t.")
          .append(columns.get(i))
          .append(" = s.")
          .append(columns.get(i));
    }
    return "merge into "
        + table
        + " t using (values ("
        + casts(types)
        + ")) s ("
        + cols
        + ")"
        + " on "
        + on
        + " when not matched then insert ("
        + cols
        + ") values ("
        + prefixed("s.", columns)
        + ")";
  }

  private String additiveUpsert(
      String table, List<String> keys, List<String> keyTypes, List<String> counters) {
    List<String> columns = new ArrayList<>(keys);
    columns.addAll(counters);
    String cols = String.join(", ", columns);
    if (dialect.isPostgres()) {
      StringBuilder set = new StringBuilder();
      for (String c : counters) {
        set.append(set.length() == 0 ? "" : ", ")
            .append(c)
            .append(" = ")
            .append(table)
            .append('.')
            .append(c)
            .append(" + excluded.")
            .append(c);
      }
      return "insert into "
          + table
          + " ("
          + cols
          + ") values ("
          + params(columns.size())
          + ")"
          + " on conflict ("
          + String.join(", ", keys)
          + ") do update set "
          + set;
    }
    List<String> types = new ArrayList<>(keyTypes);
    counters.forEach(c -> types.add("bigint"));
    StringBuilder on = new StringBuilder();
    for (String k : keys) {
      on.append(on.length() == 0 ? "" : " and ").append("t.").append(k).append(" = s.").append(k);
    }
    StringBuilder set = new StringBuilder();
    for (String c : counters) {
      set.append(set.length() == 0 ? "" : ", ")
          .append(c)
          .append(" = t.")
          .append(c)
          .append(" + s.")
          .append(c);
    }
    return "merge into "
        + table
        + " t using (values ("
        + casts(types)
        + ")) s ("
        + cols
        + ")"
        + " on "
        + on
        + " when matched then update set "
        + set
        + " when not matched then insert ("
        + cols
        + ") values ("
        + prefixed("s.", columns)
        + ")";
  }

  private static String params(int n) {
    StringBuilder p = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      p.append(i == 1 ? "" : ", ").append('?').append(i);
    }
    return p.toString();
  }

  private static String casts(List<String> types) {
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < types.size(); i++) {
      p.append(i == 0 ? "" : ", ")
          .append("cast(?")
          .append(i + 1)
          .append(" as ")
          .append(types.get(i))
          .append(')');
    }
    return p.toString();
  }

  private static String prefixed(String prefix, List<String> columns) {
    return String.join(", ", columns.stream().map(c -> prefix + c).toList());
  }

  private static void bind(Query q, Object... values) {
    for (int i = 0; i < values.length; i++) {
      q.setParameter(i + 1, values[i]);
    }
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
