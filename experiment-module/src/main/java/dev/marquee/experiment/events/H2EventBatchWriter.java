package dev.marquee.experiment.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

/**
 * {@link EventBatchWriter} for H2, the embedded single-process mode: one query reads what exists
 * (event ids, viewer rows), then JDBC batches insert and update. H2's {@code MERGE} is not atomic
 * against a concurrent insert of the same key, so this writer relies on batches taking turns
 * ({@link EventIngestion}). The only other writer of viewer rows is erasure: an update that finds
 * its row gone fails the batch as a serialisation failure (SQL state 40001), which {@link
 * EventIngestion} runs again. (Reading the rows {@code FOR UPDATE} instead cost H2 tens of
 * milliseconds per 1,000 rows.)
 */
@ApplicationScoped
public class H2EventBatchWriter implements EventBatchWriter {
  private static final String INSERT_EVENT =
      "insert into experiment_event (event_id, experiment_id, arm_id, audience_group_id,"
          + " viewer_key, event_type, watched_seconds, occurred_at, received_at, propensity)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_VIEWER =
      "insert into experiment_viewer_counts (experiment_id, viewer_key, arm_id, audience_group_id,"
          + " impressions, clicks, plays, qualified_plays, period) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_VIEWER =
      "update experiment_viewer_counts set impressions = impressions + ?, clicks = clicks + ?,"
          + " plays = plays + ?, qualified_plays = qualified_plays + ?"
          + " where experiment_id = ? and viewer_key = ? and arm_id = ?";

  @PersistenceContext EntityManager em;

  protected H2EventBatchWriter() {}

  /** A writer on the given entity manager's transactions (outside a container). */
  public H2EventBatchWriter(EntityManager em) {
    this.em = em;
  }

  @Override
  public Set<String> insertNew(List<RawEvent> events) {
    if (events.isEmpty()) {
      return Set.of();
    }
    return EventBatchWriter.onConnection(
        em,
        c -> {
          Set<String> known = new HashSet<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "select event_id from experiment_event where event_id in ("
                      + bindMarkers(events.size())
                      + ")")) {
            for (int i = 0; i < events.size(); i++) {
              s.setString(i + 1, events.get(i).eventId());
            }
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                known.add(rs.getString(1));
              }
            }
          }
          Set<String> inserted = new HashSet<>();
          try (PreparedStatement s = c.prepareStatement(INSERT_EVENT)) {
            for (RawEvent e : events) {
              if (known.contains(e.eventId())) {
                continue;
              }
              s.setString(1, e.eventId());
              s.setObject(2, e.experimentId());
              s.setObject(3, e.armId());
              s.setObject(4, e.audienceGroupId());
              s.setString(5, e.viewerKey());
              s.setString(6, e.type().name());
              s.setObject(7, e.watchedSeconds());
              s.setObject(8, OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
              s.setObject(9, OffsetDateTime.ofInstant(e.receivedAt(), ZoneOffset.UTC));
              s.setObject(10, e.propensity());
              s.addBatch();
              inserted.add(e.eventId());
            }
            if (!inserted.isEmpty()) {
              s.executeBatch();
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
    Map<UUID, List<ViewerDelta>> byExperiment = new LinkedHashMap<>();
    deltas.forEach(
        d ->
            byExperiment.computeIfAbsent(d.viewer().experimentId(), x -> new ArrayList<>()).add(d));
    return EventBatchWriter.onConnection(
        em,
        c -> {
          Map<ViewerArm, ViewerCounter> existing = new HashMap<>();
          for (Map.Entry<UUID, List<ViewerDelta>> x : byExperiment.entrySet()) {
            List<String> keys = x.getValue().stream().map(d -> d.viewer().viewerKey()).toList();
            try (PreparedStatement s =
                c.prepareStatement(
                    "select viewer_key, arm_id, audience_group_id, period, impressions, clicks,"
                        + " plays, qualified_plays from experiment_viewer_counts"
                        + " where experiment_id = ? and viewer_key in ("
                        + bindMarkers(keys.size())
                        + ")")) {
              s.setObject(1, x.getKey());
              for (int i = 0; i < keys.size(); i++) {
                s.setString(i + 2, keys.get(i));
              }
              try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  existing.put(
                      new ViewerArm(x.getKey(), rs.getString(1), rs.getObject(2, UUID.class)),
                      new ViewerCounter(
                          rs.getObject(3, UUID.class),
                          (Integer) rs.getObject(4),
                          new ViewerTotals(
                              rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))));
                }
              }
            }
          }
          Map<ViewerArm, ViewerCounter> before = new HashMap<>();
          try (PreparedStatement insert = c.prepareStatement(INSERT_VIEWER);
              PreparedStatement update = c.prepareStatement(UPDATE_VIEWER)) {
            boolean inserts = false;
            boolean updates = false;
            for (ViewerDelta d : deltas) {
              ViewerCounter row = existing.get(d.viewer());
              ViewerTotals add = d.add();
              if (row == null) {
                before.put(
                    d.viewer(),
                    new ViewerCounter(d.audienceGroupId(), d.period(), ViewerTotals.NONE));
                insert.setObject(1, d.viewer().experimentId());
                insert.setString(2, d.viewer().viewerKey());
                insert.setObject(3, d.viewer().armId());
                insert.setObject(4, d.audienceGroupId());
                insert.setLong(5, add.impressions());
                insert.setLong(6, add.clicks());
                insert.setLong(7, add.plays());
                insert.setLong(8, add.qualifiedPlays());
                insert.setInt(9, d.period());
                insert.addBatch();
                inserts = true;
              } else {
                before.put(d.viewer(), row);
                update.setLong(1, add.impressions());
                update.setLong(2, add.clicks());
                update.setLong(3, add.plays());
                update.setLong(4, add.qualifiedPlays());
                update.setObject(5, d.viewer().experimentId());
                update.setString(6, d.viewer().viewerKey());
                update.setObject(7, d.viewer().armId());
                update.addBatch();
                updates = true;
              }
            }
            if (inserts) {
              insert.executeBatch();
            }
            if (updates) {
              for (int count : update.executeBatch()) {
                if (count != 1) {
                  throw new SQLException(
                      "a viewer's counter row was deleted (erased) while the batch was applied",
                      "40001");
                }
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
    EventBatchWriter.onConnection(
        em,
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "update experiment_event set audience_group_id = ? where event_id = ?")) {
            for (Map.Entry<String, UUID> g : groups.entrySet()) {
              s.setObject(1, g.getValue());
              s.setString(2, g.getKey());
              s.addBatch();
            }
            return s.executeBatch();
          }
        });
  }

  @Override
  public void add(CounterTable table, SortedMap<? extends CounterKey, long[]> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>(table.keys);
    columns.addAll(table.counters);
    List<String> casts = new ArrayList<>();
    table.keyTypes.forEach(t -> casts.add("cast(? as " + t + ")"));
    casts.addAll(Collections.nCopies(table.counters.size(), "cast(? as bigint)"));
    StringBuilder on = new StringBuilder();
    for (String k : table.keys) {
      on.append(on.length() == 0 ? "" : " and ").append("t.").append(k).append(" = s.").append(k);
    }
    StringBuilder set = new StringBuilder();
    for (String c : table.counters) {
      set.append(set.length() == 0 ? "" : ", ")
          .append(c)
          .append(" = t.")
          .append(c)
          .append(" + s.")
          .append(c);
    }
    String cols = String.join(", ", columns);
    String sql =
        "merge into "
            + table.table
            + " t using (values ("
            + String.join(", ", casts)
            + ")) s ("
            + cols
            + ") on "
            + on
            + " when matched then update set "
            + set
            + " when not matched then insert ("
            + cols
            + ") values ("
            + String.join(", ", columns.stream().map(c -> "s." + c).toList())
            + ")";
    EventBatchWriter.onConnection(
        em,
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            for (Map.Entry<? extends CounterKey, long[]> d : deltas.entrySet()) {
              List<Object> key = d.getKey().values();
              for (int i = 0; i < key.size(); i++) {
                s.setObject(i + 1, key.get(i));
              }
              long[] values = d.getValue();
              for (int j = 0; j < values.length; j++) {
                s.setLong(key.size() + j + 1, values[j]);
              }
              s.addBatch();
            }
            return s.executeBatch();
          }
        });
  }

  /** "?, ?, …": n JDBC bind markers for an IN list. */
  private static String bindMarkers(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }
}
