package dev.marquee.experiment.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Batched ingestion on H2 and PostgreSQL: outcomes, a viewer's totals spread over batches (Σ M² is
 * not Σ of per-batch squares), the audience group a viewer is counted in, and assignment
 * propensities and periods on the stored events.
 */
class EventIngestionTest {
  private static IncomingEvent event(
      String id,
      RunningExperiment x,
      int arm,
      int group,
      String viewer,
      EventType type,
      Integer seconds,
      Instant at) {
    return new IncomingEvent(
        id, x.id(), x.arms().get(arm), x.groups().get(group), viewer, type, at, seconds);
  }

  @BothDatabases
  void aViewersTotalsSpreadOverBatchesGiveExactSums(TestDatabase db) {
    IngestionNode node = IngestionNode.on(db, 0);
    RunningExperiment x = RunningExperiment.create(node, 2, 2);
    String p = UUID.randomUUID() + "-";
    Instant today = Instant.now().minusSeconds(60);
    Instant yesterday = today.minus(1, ChronoUnit.DAYS);
    List<IncomingEvent> first =
        List.of(
            event(p + 1, x, 1, 0, "ana", EventType.IMPRESSION, null, yesterday),
            event(p + 2, x, 1, 0, "ana", EventType.IMPRESSION, null, yesterday),
            event(p + 3, x, 1, 0, "ana", EventType.CLICK, null, yesterday),
            event(p + 4, x, 1, 0, "ben", EventType.IMPRESSION, null, yesterday),
            event(p + 4, x, 1, 0, "ben", EventType.IMPRESSION, null, yesterday),
            event(p + 5, x, 0, 1, "cem", EventType.IMPRESSION, null, today));
    assertThat(statuses(node.ingestion.ingest(first)))
        .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "DUPLICATE", "ACCEPTED");

    List<IncomingEvent> second = new ArrayList<>(first);
    second.addAll(
        List.of(
            event(p + 6, x, 1, 0, "ana", EventType.IMPRESSION, null, today),
            event(p + 7, x, 1, 0, "ana", EventType.CLICK, null, today),
            // sent with the other group: ana stays counted in the group of her first event
            event(p + 8, x, 1, 1, "ana", EventType.CLICK, null, today),
            event(p + 9, x, 1, 0, "ana", EventType.PLAY, 90, today),
            event(p + 10, x, 1, 0, "ben", EventType.PLAY, 10, today)));
    List<String> again = statuses(node.ingestion.ingest(second));
    assertThat(again.subList(0, first.size())).containsOnly("DUPLICATE");
    assertThat(again.subList(first.size(), again.size())).containsOnly("ACCEPTED");

    // arm 1, group 0: ana M = 3, D = 3; ben M = 0, D = 1 (per viewer over both batches)
    assertThat(sums(db, x, 1, 0)).containsExactly(2L, 3L, 4L, 9L, 10L, 9L);
    assertThat(sums(db, x, 1, 1)).isEmpty();
    assertThat(sums(db, x, 0, 1)).containsExactly(1L, 0L, 1L, 0L, 1L, 0L);
    AggregateRecount.assertExact(db.dataSource(), x);
  }

  @BothDatabases
  void storedEventsCarryTheAssignmentsPropensityAndPeriod(TestDatabase db) {
    IngestionNode node = IngestionNode.on(db, 0);
    RunningExperiment x = RunningExperiment.create(node, 2, 1);
    Instant now = Instant.now().minusSeconds(10);
    String assigned = node.viewerKeys.keyOf("assigned");
    node.jpa.run(
        () ->
            node.assignments.insertIfAbsent(
                x.id(), assigned, 0, x.arms().get(1), x.groups().get(0), 1, 0.25, now));
    String p = UUID.randomUUID() + "-";
    node.ingestion.ingest(
        List.of(
            event(p + 1, x, 1, 0, "assigned", EventType.IMPRESSION, null, now),
            // an arm other than the recorded one: no propensity
            event(p + 2, x, 0, 0, "assigned", EventType.IMPRESSION, null, now),
            event(p + 3, x, 0, 0, "unassigned", EventType.CLICK, null, now)));

    assertThat(propensity(db, p + 1)).isEqualTo(0.25);
    assertThat(propensity(db, p + 2)).isNull();
    assertThat(propensity(db, p + 3)).isNull();
    AggregateRecount.assertExact(db.dataSource(), x);
  }

  private static List<String> statuses(List<EventOutcome> outcomes) {
    return outcomes.stream().map(o -> o.status().name()).toList();
  }

  private static List<Long> sums(TestDatabase db, RunningExperiment x, int arm, int group) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select viewers, sum_m, sum_d, sum_mm, sum_dd, sum_md from experiment_ratio_sums"
                    + " where experiment_id = ? and arm_id = ? and audience_group_id = ?")) {
      s.setObject(1, x.id());
      s.setObject(2, x.arms().get(arm));
      s.setObject(3, x.groups().get(group));
      List<Long> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          for (int i = 1; i <= 6; i++) {
            out.add(rs.getLong(i));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Double propensity(TestDatabase db, String eventId) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("select propensity from experiment_event where event_id = ?")) {
      s.setString(1, eventId);
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).as("event %s stored", eventId).isTrue();
        double v = rs.getDouble(1);
        return rs.wasNull() ? null : v;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
