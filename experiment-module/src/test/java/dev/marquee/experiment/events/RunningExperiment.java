package dev.marquee.experiment.events;

import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.experiment.lifecycle.ArmDraft;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentDraft;
import dev.marquee.experiment.lifecycle.ExperimentMetric;
import dev.marquee.experiment.lifecycle.ExperimentMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A RUNNING A/B experiment on a fresh entry: one rendered variant per arm (the rows a render job
 * leaves behind, written directly: rendering is not what these tests are about) and fresh audience
 * groups, created and started through {@code ExperimentService}.
 *
 * @param qualifiedPlaySeconds the experiment's qualified-play threshold
 */
record RunningExperiment(UUID id, List<UUID> arms, List<UUID> groups, int qualifiedPlaySeconds) {

  static RunningExperiment create(IngestionNode node, int armCount, int groupCount) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    UUID entry =
        node.jpa
            .tx(
                () ->
                    node.catalog.create(
                        EntryDraft.of("ingest-" + run, EntryKind.MOVIE, "Ingest " + run), "test"))
            .getId();
    List<UUID> variants = new ArrayList<>();
    List<UUID> groups = new ArrayList<>();
    try (Connection c = node.jpa.dataSource().getConnection()) {
      UUID template = UUID.randomUUID();
      UUID version = UUID.randomUUID();
      UUID image = UUID.randomUUID();
      insert(
          c,
          "insert into render_template (id, name, status, latest_version, created_at, created_by,"
              + " updated_at, updated_by, version) values (?, ?, 'ACTIVE', 1, ?, 't', ?, 't', 0)",
          template,
          "ingest-" + run,
          now(),
          now());
      insert(
          c,
          "insert into render_template_version (id, template_id, version_number, definition,"
              + " definition_hash, created_at, created_by) values (?, ?, 1, '{}', ?, ?, 't')",
          version,
          template,
          hex(),
          now());
      insert(
          c,
          "insert into source_image (id, entry_id, content_hash, format, width, height, byte_size,"
              + " uploaded_by, uploaded_at, version) values (?, ?, ?, 'JPEG', 640, 360, 1000, 't',"
              + " ?, 0)",
          image,
          entry,
          hex(),
          now());
      for (int a = 0; a < armCount; a++) {
        UUID variant = UUID.randomUUID();
        insert(
            c,
            "insert into variant (id, identity_key, entry_id, source_image_id,"
                + " template_version_id, texts, created_at) values (?, ?, ?, ?, ?, '{}', ?)",
            variant,
            hex(),
            entry,
            image,
            version,
            now());
        variants.add(variant);
      }
      for (int g = 0; g < groupCount; g++) {
        UUID group = UUID.randomUUID();
        insert(
            c,
            "insert into audience_group (id, name, position, rules_json, version, created_at,"
                + " created_by, updated_at, updated_by) values (?, ?, ?, '[]', 0, ?, 't', ?, 't')",
            group,
            "ingest " + run + " " + g,
            ThreadLocalRandom.current().nextInt(1, 1_000_000),
            now(),
            now());
        groups.add(group);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    List<ArmDraft> arms = new ArrayList<>();
    double weight = 1.0 / armCount;
    for (int a = 0; a < armCount; a++) {
      arms.add(new ArmDraft("Arm " + a, variants.get(a), a == 0, weight));
    }
    int qualified = 60;
    return node.jpa.tx(
        () -> {
          Experiment x =
              node.experiments.create(
                  new ExperimentDraft(
                      entry,
                      "Ingest " + run,
                      groups,
                      arms,
                      1.0,
                      ExperimentMetric.CLICK_THROUGH,
                      ExperimentMetric.QUALIFIED_PLAY,
                      qualified,
                      null,
                      ExperimentMode.AB,
                      null,
                      null,
                      false),
                  "test");
          Experiment started = node.experiments.start(x.getId(), null, "test");
          List<UUID> armIds = started.getArms().stream().map(a -> a.getId()).toList();
          return new RunningExperiment(started.getId(), armIds, List.copyOf(groups), qualified);
        });
  }

  private static void insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static String hex() {
    byte[] b = new byte[32];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
