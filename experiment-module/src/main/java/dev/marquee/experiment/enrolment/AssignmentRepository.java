package dev.marquee.experiment.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Sticky assignments: insert-if-absent (concurrency-safe), lookup and erasure. */
@ApplicationScoped
public class AssignmentRepository {
  @PersistenceContext private EntityManager em;
  @Inject SqlDialect dialect;

  protected AssignmentRepository() {}

  /** A repository on the given entity manager (outside a container). */
  public AssignmentRepository(EntityManager em, SqlDialect dialect) {
    this.em = em;
    this.dialect = dialect;
  }

  /** The viewer's assignment in this bucket version, if any. */
  public Optional<StickyAssignment> find(UUID experimentId, String viewerKey, int bucketVersion) {
    return em.createQuery(
            "select a from StickyAssignment a where a.experimentId = :x and a.viewerKey = :v"
                + " and a.bucketVersion = :b",
            StickyAssignment.class)
        .setParameter("x", experimentId)
        .setParameter("v", viewerKey)
        .setParameter("b", bucketVersion)
        .getResultStream()
        .findFirst();
  }

  /**
   * The recorded arms of these viewers in this bucket version, by viewer key, in one statement: on
   * PostgreSQL the keys go as one array parameter ({@code = any(?)}), so the statement is the same
   * for every batch and not planned anew for each list length.
   */
  public Map<String, RecordedArm> findAll(
      UUID experimentId, int bucketVersion, Collection<String> viewerKeys) {
    if (viewerKeys.isEmpty()) {
      return Map.of();
    }
    String[] keys = viewerKeys.toArray(String[]::new);
    boolean postgres = dialect.isPostgres();
    String sql =
        "select viewer_key, arm_id, period, propensity from experiment_assignment"
            + " where experiment_id = ? and bucket_version = ? and viewer_key "
            + (postgres
                ? "= any(?)"
                : "in (" + String.join(", ", Collections.nCopies(keys.length, "?")) + ")");
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              Map<String, RecordedArm> found = new HashMap<>();
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, experimentId);
                s.setInt(2, bucketVersion);
                if (postgres) {
                  s.setArray(3, c.createArrayOf("varchar", keys));
                } else {
                  for (int i = 0; i < keys.length; i++) {
                    s.setString(3 + i, keys[i]);
                  }
                }
                try (ResultSet rs = s.executeQuery()) {
                  while (rs.next()) {
                    double propensity = rs.getDouble(4);
                    found.put(
                        rs.getString(1),
                        new RecordedArm(
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            rs.getInt(3),
                            rs.wasNull() ? null : propensity));
                  }
                }
              }
              return found;
            });
  }

  /**
   * Records the assignment unless the viewer already has one for this bucket version (a concurrent
   * request may have won); either way exactly one row exists afterwards.
   *
   * @return whether this call inserted it (a new exposure)
   */
  public boolean insertIfAbsent(
      UUID experimentId,
      String viewerKey,
      int bucketVersion,
      UUID armId,
      UUID groupId,
      int period,
      double propensity,
      Instant now) {
    if (!dialect.isPostgres()) {
      // H2's MERGE is not atomic against a concurrent insert of the same key; serialise first
      // assignments per experiment on the experiment row (embedded mode is a single node)
      em.createNativeQuery("select id from experiment where id = ?1 for update")
          .setParameter(1, experimentId)
          .getResultList();
    }
    String sql =
        dialect.isPostgres()
            ? "insert into experiment_assignment (experiment_id, viewer_key, bucket_version, arm_id,"
                + " audience_group_id, period, assigned_at, propensity) values (?1, ?2, ?3, ?4, ?5,"
                + " ?6, ?7, ?8) on conflict do nothing"
            : "merge into experiment_assignment t using (values (cast(?1 as uuid), ?2, ?3,"
                + " cast(?4 as uuid), cast(?5 as uuid), ?6, cast(?7 as timestamp with time zone),"
                + " cast(?8 as double precision))) s (experiment_id, viewer_key, bucket_version,"
                + " arm_id, audience_group_id, period, assigned_at, propensity) on t.experiment_id ="
                + " s.experiment_id and t.viewer_key = s.viewer_key and t.bucket_version ="
                + " s.bucket_version when not matched then insert (experiment_id, viewer_key,"
                + " bucket_version, arm_id, audience_group_id, period, assigned_at, propensity)"
                + " values (s.experiment_id, s.viewer_key, s.bucket_version, s.arm_id,"
                + " s.audience_group_id, s.period, s.assigned_at, s.propensity)";
    return em.createNativeQuery(sql)
            .setParameter(1, experimentId)
            .setParameter(2, viewerKey)
            .setParameter(3, bucketVersion)
            .setParameter(4, armId)
            .setParameter(5, groupId)
            .setParameter(6, period)
            .setParameter(7, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
            .setParameter(8, propensity)
            .executeUpdate()
        == 1;
  }

  /** Counts one more new assignment to the arm in the period (for the SRM check). */
  public void countAssignment(UUID experimentId, int period, UUID armId) {
    String sql =
        dialect.isPostgres()
            ? "insert into experiment_period_counts (experiment_id, period, arm_id, assignments)"
                + " values (?1, ?2, ?3, 1) on conflict (experiment_id, period, arm_id)"
                + " do update set assignments = experiment_period_counts.assignments + 1"
            : "merge into experiment_period_counts t using (values (cast(?1 as uuid), ?2,"
                + " cast(?3 as uuid))) s (experiment_id, period, arm_id) on t.experiment_id ="
                + " s.experiment_id and t.period = s.period and t.arm_id = s.arm_id when matched"
                + " then update set assignments = t.assignments + 1 when not matched then insert"
                + " (experiment_id, period, arm_id, assignments) values (s.experiment_id, s.period,"
                + " s.arm_id, 1)";
    em.createNativeQuery(sql)
        .setParameter(1, experimentId)
        .setParameter(2, period)
        .setParameter(3, armId)
        .executeUpdate();
  }

  /** Deletes every assignment of a viewer key; returns how many. */
  public int eraseViewer(String viewerKey) {
    return em.createQuery("delete from StickyAssignment a where a.viewerKey = :v")
        .setParameter("v", viewerKey)
        .executeUpdate();
  }
}
