package dev.marquee.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The databases every persistence scenario runs on. Each is created once per JVM, migrated with the
 * real Flyway scripts and wrapped in a {@link Jpa} harness.
 */
public enum TestDatabase {
  H2,
  POSTGRES;

  private DataSource dataSource;
  private Jpa jpa;

  /** The migrated database's JPA harness, emptied of all data. */
  public synchronized Jpa freshJpa() {
    if (jpa == null) {
      jpa = new Jpa(dataSource());
    }
    wipe(jpa.dataSource());
    return jpa;
  }

  /**
   * The database, started and migrated with every {@code db/migration} script on the classpath (a
   * higher module's tests get its own migrations too), data left as it is.
   */
  public synchronized DataSource dataSource() {
    if (dataSource == null) {
      DataSource ds = this == H2 ? h2() : postgres();
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
      dataSource = ds;
    }
    return dataSource;
  }

  private static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:marquee;DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  private static DataSource postgres() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (IOException ignored) {
                      // the JVM is going away anyway
                    }
                  }));
      return pg.getPostgresDatabase();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void wipe(DataSource ds) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("delete from entry_tag");
      s.executeUpdate("delete from engagement_tag");
      s.executeUpdate("delete from catalog_entry_localized_title");
      s.executeUpdate("delete from catalog_entry_genre");
      s.executeUpdate("delete from catalog_entry_cast");
      s.executeUpdate("update catalog_entry set parent_id = null");
      s.executeUpdate("delete from catalog_entry");
      s.executeUpdate("delete from audit_event");
      s.executeUpdate("delete from inbound_webhook_delivery");
      s.executeUpdate("delete from delivery_api_key");
      s.executeUpdate("delete from delivery_app_origin");
      s.executeUpdate("delete from delivery_app");
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the test database", e);
    }
  }
}
