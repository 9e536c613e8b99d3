package dev.marquee.experiment.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads an experiment's aggregate rows. */
@ApplicationScoped
public class AggregateReader {
  @PersistenceContext private EntityManager em;

  /** One day of one arm in one group. */
  public record Daily(
      UUID arm,
      UUID group,
      LocalDate day,
      long impressions,
      long clicks,
      long plays,
      long qualifiedPlays,
      long viewersExposed,
      long viewersClicked,
      long viewersPlayed,
      long viewersQualified) {}

  /** Delta-method sums of one arm in one group. */
  public record Sums(
      UUID arm, UUID group, long viewers, long m, long d, long mm, long dd, long md) {}

  /** New assignments of one arm in one allocation period. */
  public record PeriodCount(int period, UUID arm, long assignments) {}

  /** Viewers of one arm and group who belong to one allocation period, and how many converted. */
  public record PeriodOutcome(
      int period,
      UUID arm,
      UUID group,
      long viewersExposed,
      long viewersClicked,
      long viewersPlayed,
      long viewersQualified) {}

  public List<PeriodOutcome> periodOutcomes(UUID experimentId) {
    List<PeriodOutcome> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select period, arm_id, audience_group_id, viewers_exposed, viewers_clicked,"
                    + " viewers_played, viewers_qualified from experiment_period_outcomes"
                    + " where experiment_id = ?1 order by period")
            .setParameter(1, experimentId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new PeriodOutcome(
              ((Number) r[0]).intValue(),
              uuid(r[1]),
              uuid(r[2]),
              n(r[3]),
              n(r[4]),
              n(r[5]),
              n(r[6])));
    }
    return out;
  }

  public List<Daily> daily(UUID experimentId) {
    List<Daily> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select arm_id, audience_group_id, event_day, impressions, clicks, plays, qualified_plays,"
                    + " viewers_exposed, viewers_clicked, viewers_played, viewers_qualified"
                    + " from experiment_daily_counts where experiment_id = ?1 order by event_day")
            .setParameter(1, experimentId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Daily(
              uuid(r[0]),
              uuid(r[1]),
              toDate(r[2]),
              n(r[3]),
              n(r[4]),
              n(r[5]),
              n(r[6]),
              n(r[7]),
              n(r[8]),
              n(r[9]),
              n(r[10])));
    }
    return out;
  }

  public List<Sums> sums(UUID experimentId) {
    List<Sums> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select arm_id, audience_group_id, viewers, sum_m, sum_d, sum_mm, sum_dd, sum_md"
                    + " from experiment_ratio_sums where experiment_id = ?1")
            .setParameter(1, experimentId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Sums(uuid(r[0]), uuid(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7])));
    }
    return out;
  }

  public List<PeriodCount> periodCounts(UUID experimentId) {
    List<PeriodCount> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select period, arm_id, assignments from experiment_period_counts"
                    + " where experiment_id = ?1")
            .setParameter(1, experimentId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      out.add(new PeriodCount(((Number) r[0]).intValue(), uuid(r[1]), n(r[2])));
    }
    return out;
  }

  /** Native queries return uuid columns as UUID (PostgreSQL) or as 16 bytes (H2). */
  private static UUID uuid(Object value) {
    if (value instanceof UUID id) {
      return id;
    }
    if (value instanceof byte[] bytes && bytes.length == 16) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
      return new UUID(b.getLong(), b.getLong());
    }
    return UUID.fromString(value.toString());
  }

  private static long n(Object value) {
    return ((Number) value).longValue();
  }

  private static LocalDate toDate(Object value) {
    if (value instanceof LocalDate d) {
      return d;
    }
    return ((java.sql.Date) value).toLocalDate();
  }
}
