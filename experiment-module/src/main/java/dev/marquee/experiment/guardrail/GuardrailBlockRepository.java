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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Additive, per-day block counts (an upsert per kind, atomic on PostgreSQL). */
@ApplicationScoped
public class GuardrailBlockRepository {
  @PersistenceContext EntityManager em;
  @Inject SqlDialect dialect;

  /** Adds the counts, in one transaction. */
  @Transactional
  public void add(Map<BlockedChoice, Long> counts) {
    for (Map.Entry<BlockedChoice, Long> e : counts.entrySet()) {
      BlockedChoice b = e.getKey();
      // an untyped null cannot be bound portably to a uuid column, so absent ids are SQL nulls
      String variant = b.variantId() == null ? "cast(null as uuid)" : "cast(:variant as uuid)";
      String experiment =
          b.experimentId() == null ? "cast(null as uuid)" : "cast(:experiment as uuid)";
      String values =
          "cast(:day as date), :key, cast(:entry as uuid), "
              + variant
              + ", "
              + experiment
              + ", cast(:grp as uuid), :source, :rule, cast(:blocks as bigint)";
      String sql =
          dialect.isPostgres()
              ? "insert into guardrail_block_count (block_day, block_key, entry_id, variant_id,"
                  + " experiment_id, audience_group_id, block_source, block_rule, blocks) values ("
                  + values
                  + ") on conflict (block_day, block_key) do update set blocks ="
                  + " guardrail_block_count.blocks + excluded.blocks"
              : "merge into guardrail_block_count t using (values ("
                  + values
                  + ")) s (block_day, block_key, entry_id, variant_id, experiment_id,"
                  + " audience_group_id, block_source, block_rule, blocks) on t.block_day ="
                  + " s.block_day and t.block_key ="
                  + " s.block_key when matched then update set blocks = t.blocks + s.blocks when"
                  + " not matched then insert (block_day, block_key, entry_id, variant_id,"
                  + " experiment_id, audience_group_id, block_source, block_rule, blocks) values (s.block_day,"
                  + " s.block_key, s.entry_id, s.variant_id, s.experiment_id,"
                  + " s.audience_group_id, s.block_source, s.block_rule, s.blocks)";
      Query q = em.createNativeQuery(sql);
      q.setParameter("day", b.day());
      q.setParameter("key", b.key());
      q.setParameter("entry", b.entryId());
      if (b.variantId() != null) {
        q.setParameter("variant", b.variantId());
      }
      if (b.experimentId() != null) {
        q.setParameter("experiment", b.experimentId());
      }
      q.setParameter("grp", b.audienceGroupId());
      q.setParameter("source", b.source());
      q.setParameter("rule", b.rule().name());
      q.setParameter("blocks", e.getValue());
      q.executeUpdate();
    }
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
