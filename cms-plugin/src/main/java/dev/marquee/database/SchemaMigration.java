package dev.marquee.database;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database. Every module ships its
 * migrations under {@code db/migration}; versions are global (V1 catalog, V2 accounts, …).
 */
@ApplicationScoped
public class SchemaMigration {
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "java:jboss/datasources/MarqueeDS")
  DataSource dataSource;

  void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
    MigrateResult result = flyway(dataSource, getClass().getClassLoader()).migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /** The Flyway configuration Marquee uses, also in tests, so they migrate exactly the same way. */
  public static Flyway flyway(DataSource dataSource, ClassLoader classLoader) {
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }
}
