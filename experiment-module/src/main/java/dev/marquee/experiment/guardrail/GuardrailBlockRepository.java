package dev.marquee.experiment.guardrail;

import static dev.marquee.database.NativeColumns.uuid;

import dev.marquee.experiment.enrolment.SqlDialect;
import dev.marquee.experiment.guardrail.rules.BlockRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Additive, per-day block counts: one upsert per kind, all sent as one JDBC batch (atomic on
 * PostgreSQL). Under feed load a flush holds hundreds of kinds, and a native query per kind cost
 * the flushing thread a fifth of a core (docs/benchmarks.md, "Delivery feed").
 */
@ApplicationScoped
public class GuardrailBlockRepository {
  /** Ids and the day are bound as strings and cast in SQL, so absent ids bind as typed nulls. */
  private static final String VALUES =
      "cast(? as date), ?, cast(? as uuid), cast(? as uuid), cast(? as uuid), cast(? as uuid), ?,"
          + " ?, cast(? as bigint)";

  private static final String POSTGRES_UPSERT =
      "insert into guardrail_block_count (block_day, block_key, entry_id, variant_id,"
          + " experiment_id, audience_group_id, block_source, block_rule, blocks) values ("
          + VALUES
          + ") on conflict (block_day, block_key) do update set blocks ="
          + " guardrail_block_count.blocks + excluded.blocks";

  private static final String H2_UPSERT =
      "merge into guardrail_block_count t using (values ("
          + VALUES
          + ")) s (block_day, block_key, entry_id, variant_id, experiment_id, audience_group_id,"
          + " block_source, block_rule, blocks) on t.block_day = s.block_day and t.block_key ="
          + " s.block_key when matched then update set blocks = t.blocks + s.blocks when not"
          + " matched then insert (block_day, block_key, entry_id, variant_id, experiment_id,"
          + " audience_group_id, block_source, block_rule, blocks) values (s.block_day,"
          + " s.block_key, s.entry_id, s.variant_id, s.experiment_id, s.audience_group_id,"
          + " s.block_source, s.block_rule, s.blocks)";

  /**
   * A row to add, with its key built once (a flush sorts thousands of them by it). Rows are in one
   * order on every node, day then key, so two nodes flushing at once cannot deadlock.
   */
  private record Row(String key, BlockedChoice choice, long blocks) implements Comparable<Row> {
    @Override
    public int compareTo(Row other) {
      int byDay = choice.day().compareTo(other.choice.day());
      return byDay != 0 ? byDay : key.compareTo(other.key);
    }
  }

  @PersistenceContext EntityManager em;
  @Inject SqlDialect dialect;

  /** Adds the counts, in one transaction. */
  @Transactional
  public void add(Map<BlockedChoice, Long> counts) {
    List<Row> rows = new ArrayList<>(counts.size());
    counts.forEach((choice, blocks) -> rows.add(new Row(choice.key(), choice, blocks)));
    Collections.sort(rows);
    String sql = dialect.isPostgres() ? POSTGRES_UPSERT : H2_UPSERT;
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                for (Row row : rows) {
                  BlockedChoice b = row.choice();
                  upsert.setString(1, b.day().toString());
                  upsert.setString(2, row.key());
                  upsert.setString(3, b.entryId().toString());
                  upsert.setString(4, text(b.variantId()));
                  upsert.setString(5, text(b.experimentId()));
                  upsert.setString(6, b.audienceGroupId().toString());
                  upsert.setString(7, b.source());
                  upsert.setString(8, b.rule().name());
                  upsert.setLong(9, row.blocks());
                  upsert.addBatch();
                }
                upsert.executeBatch();
              }
            });
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }

  /**
   * Totals over {@code from..to} (inclusive), largest first.
   *
   * @param entryId only this entry's, or null
   * @param experimentId only this experiment's, or null
   * @param limit at most this many rows
   */
  @Transactional
  public List<GuardrailBlockTotal> totals(
      LocalDate from, LocalDate to, UUID entryId, UUID experimentId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select entry_id, variant_id, experiment_id, audience_group_id, block_source,"
                + " block_rule, sum(blocks) as total from guardrail_block_count"
                + " where block_day >= :from and block_day <= :to");
    if (entryId != null) {
      sql.append(" and entry_id = :entry");
    }
    if (experimentId != null) {
      sql.append(" and experiment_id = :experiment");
    }
    sql.append(
        " group by entry_id, variant_id, experiment_id, audience_group_id, block_source,"
            + " block_rule order by total desc, entry_id, block_source, block_rule");
    Query q = em.createNativeQuery(sql.toString());
    q.setParameter("from", from);
    q.setParameter("to", to);
    if (entryId != null) {
      q.setParameter("entry", entryId);
    }
    if (experimentId != null) {
      q.setParameter("experiment", experimentId);
    }
    q.setMaxResults(limit);
    List<GuardrailBlockTotal> totals = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] c = (Object[]) row;
      totals.add(
          new GuardrailBlockTotal(
              uuid(c[0]),
              uuid(c[1]),
              uuid(c[2]),
              uuid(c[3]),
              (String) c[4],
              BlockRule.valueOf((String) c[5]),
              ((Number) c[6]).longValue()));
    }
    return totals;
  }
}
