package dev.marquee.experiment.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

/**
 * {@link EventBatchWriter} for PostgreSQL: each write is one {@code INSERT … SELECT FROM
 * unnest(arrays) ON CONFLICT …} statement, whatever the batch size. The column arrays keep the SQL
 * text constant (so the driver prepares it once per connection) and the parameters few (one per
 * column instead of one per value). {@code ON CONFLICT} makes every write atomic against concurrent
 * batches on any node; {@code unnest} yields the rows in array order, which is the lock order the
 * caller sorted them in.
 */
@ApplicationScoped
public class PostgresEventBatchWriter implements EventBatchWriter {
  private static final String INSERT_EVENTS =
      "insert into experiment_event (event_id, experiment_id, arm_id, audience_group_id,"
          + " viewer_key, event_type, watched_seconds, occurred_at, received_at, propensity)"
          + " select * from unnest(?::varchar[], ?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[],"
          + " ?::varchar[], ?::integer[], ?::timestamptz[], ?::timestamptz[], ?::float8[])"
          + " on conflict (event_id) do nothing returning event_id";

  private static final String ADD_TO_VIEWERS =
      "insert into experiment_viewer_counts as t (experiment_id, viewer_key, arm_id,"
          + " audience_group_id, impressions, clicks, plays, qualified_plays, period)"
          + " select * from unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::uuid[], ?::bigint[],"
          + " ?::bigint[], ?::bigint[], ?::bigint[], ?::integer[])"
          + " on conflict (experiment_id, viewer_key, arm_id) do update set"
          + " impressions = t.impressions + excluded.impressions,"
          + " clicks = t.clicks + excluded.clicks, plays = t.plays + excluded.plays,"
          + " qualified_plays = t.qualified_plays + excluded.qualified_plays"
          + " returning experiment_id, viewer_key, arm_id, audience_group_id, period, impressions,"
          + " clicks, plays, qualified_plays";

  private static final String REGROUP =
      "update experiment_event e set audience_group_id = u.grp"
          + " from unnest(?::varchar[], ?::uuid[]) as u(id, grp) where e.event_id = u.id";

  @PersistenceContext EntityManager em;

  protected PostgresEventBatchWriter() {}

  /** A writer on the given entity manager's transactions (outside a container). */
  public PostgresEventBatchWriter(EntityManager em) {
    this.em = em;
  }

  @Override
  public Set<String> insertNew(List<RawEvent> events) {
    if (events.isEmpty()) {
      return Set.of();
    }
    int n = events.size();
    Object[][] columns = new Object[10][n];
    for (int i = 0; i < n; i++) {
      RawEvent e = events.get(i);
      columns[0][i] = e.eventId();
      columns[1][i] = e.experimentId().toString();
      columns[2][i] = e.armId().toString();
      columns[3][i] = e.audienceGroupId().toString();
      columns[4][i] = e.viewerKey();
      columns[5][i] = e.type().name();
      columns[6][i] = e.watchedSeconds();
      columns[7][i] = e.occurredAt().toString();
      columns[8][i] = e.receivedAt().toString();
      columns[9][i] = e.propensity();
    }
    String[] types = {
      "varchar",
      "uuid",
      "uuid",
      "uuid",
      "varchar",
      "varchar",
      "int4",
      "timestamptz",
      "timestamptz",
      "float8"
    };
    return EventBatchWriter.onConnection(
        em,
        c -> {
          Set<String> inserted = new HashSet<>();
          try (PreparedStatement s = c.prepareStatement(INSERT_EVENTS)) {
            bindArrays(c, s, types, columns);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                inserted.add(rs.getString(1));
              }
            }
          }
          return inserted;
        });
  }

  @Override
  public Map<ViewerArm, ViewerCounter> addToViewers(List<ViewerDelta> deltas) {
    if (deltas.isEmpty()) {
      return Map.of();
    }
    int n = deltas.size();
    Object[][] columns = new Object[9][n];
    for (int i = 0; i < n; i++) {
      ViewerDelta d = deltas.get(i);
      columns[0][i] = d.viewer().experimentId().toString();
      columns[1][i] = d.viewer().viewerKey();
      columns[2][i] = d.viewer().armId().toString();
      columns[3][i] = d.audienceGroupId().toString();
      columns[4][i] = d.add().impressions();
      columns[5][i] = d.add().clicks();
      columns[6][i] = d.add().plays();
      columns[7][i] = d.add().qualifiedPlays();
      columns[8][i] = d.period();
    }
    String[] types = {"uuid", "varchar", "uuid", "uuid", "int8", "int8", "int8", "int8", "int4"};
    Map<ViewerArm, ViewerTotals> added = new HashMap<>();
    deltas.forEach(d -> added.put(d.viewer(), d.add()));
    return EventBatchWriter.onConnection(
        em,
        c -> {
          Map<ViewerArm, ViewerCounter> before = new HashMap<>();
          try (PreparedStatement s = c.prepareStatement(ADD_TO_VIEWERS)) {
            bindArrays(c, s, types, columns);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                ViewerArm viewer =
                    new ViewerArm(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class));
                ViewerTotals after =
                    new ViewerTotals(rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
                // the row stays locked by this upsert, so "after minus what we added" is exactly
                // the state no other batch can change before we commit
                before.put(
                    viewer,
                    new ViewerCounter(
                        rs.getObject(4, UUID.class),
                        (Integer) rs.getObject(5),
                        after.minus(added.get(viewer))));
              }
            }
          }
          return before;
        });
  }

  @Override
  public void regroup(Map<String, UUID> groups) {
    if (groups.isEmpty()) {
      return;
    }
    Object[][] columns = new Object[2][groups.size()];
    int i = 0;
    for (Map.Entry<String, UUID> g : groups.entrySet()) {
      columns[0][i] = g.getKey();
      columns[1][i] = g.getValue().toString();
      i++;
    }
    EventBatchWriter.onConnection(
        em,
        c -> {
          try (PreparedStatement s = c.prepareStatement(REGROUP)) {
            bindArrays(c, s, new String[] {"varchar", "uuid"}, columns);
            return s.executeUpdate();
          }
        });
  }

  @Override
  public void add(CounterTable table, SortedMap<? extends CounterKey, long[]> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    int keys = table.keys.size();
    int width = keys + table.counters.size();
    Object[][] columns = new Object[width][deltas.size()];
    int row = 0;
    for (Map.Entry<? extends CounterKey, long[]> d : deltas.entrySet()) {
      List<Object> key = d.getKey().values();
      for (int k = 0; k < keys; k++) {
        Object v = key.get(k);
        columns[k][row] = v instanceof Integer ? v : v.toString();
      }
      for (int j = 0; j < table.counters.size(); j++) {
        columns[keys + j][row] = d.getValue()[j];
      }
      row++;
    }
    List<String> types = new ArrayList<>();
    List<String> casts = new ArrayList<>();
    for (String t : table.keyTypes) {
      types.add(t.equals("integer") ? "int4" : t);
      casts.add("?::" + t + "[]");
    }
    StringBuilder set = new StringBuilder();
    for (String c : table.counters) {
      types.add("int8");
      casts.add("?::bigint[]");
      set.append(set.length() == 0 ? "" : ", ")
          .append(c)
          .append(" = t.")
          .append(c)
          .append(" + excluded.")
          .append(c);
    }
    List<String> all = new ArrayList<>(table.keys);
    all.addAll(table.counters);
    String sql =
        "insert into "
            + table.table
            + " as t ("
            + String.join(", ", all)
            + ") select * from unnest("
            + String.join(", ", casts)
            + ") on conflict ("
            + String.join(", ", table.keys)
            + ") do update set "
            + set;
    EventBatchWriter.onConnection(
        em,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            bindArrays(c, s, types.toArray(String[]::new), columns);
            return s.executeUpdate();
          }
        });
  }

  private static void bindArrays(
      Connection c, PreparedStatement s, String[] types, Object[][] columns) throws SQLException {
    for (int i = 0; i < columns.length; i++) {
      Object[] values = columns[i];
      // the driver encodes arrays by their Java element type; everything else goes as text
      Object[] typed =
          switch (types[i]) {
            case "int8" -> Arrays.copyOf(values, values.length, Long[].class);
            case "int4" -> Arrays.copyOf(values, values.length, Integer[].class);
            case "float8" -> Arrays.copyOf(values, values.length, Double[].class);
            default -> Arrays.copyOf(values, values.length, String[].class);
          };
      Array array = c.createArrayOf(types[i], typed);
      s.setArray(i + 1, array);
    }
  }
}
