package dev.marquee.experiment.enrolment;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The few statements whose portable form is not concurrency-safe: "insert unless present" is {@code
 * INSERT … ON CONFLICT DO NOTHING} on PostgreSQL and {@code MERGE … WHEN NOT MATCHED} on H2.
 */
@ApplicationScoped
public class SqlDialect {
  @Resource(lookup = "java:jboss/datasources/MarqueeDS")
  DataSource dataSource;

  private volatile Boolean postgres;

  protected SqlDialect() {}

  /** The dialect of the given database (outside a container). */
  public SqlDialect(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether the database is PostgreSQL (otherwise H2). */
  public boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      try (Connection c = dataSource.getConnection()) {
        known =
            c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot determine the database product", e);
      }
      postgres = known;
    }
    return known;
  }
}
