package dev.marquee.demo;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server runs the demo: {@code marquee.demo.enabled} (on in the embedded defaults) and
 * the embedded H2 database. On PostgreSQL, the production database, the demo stays off whatever the
 * setting says, so its data and its public API key never reach a production server.
 */
@ApplicationScoped
public class DemoMode {
  private static final Logger LOG = Logger.getLogger(DemoMode.class.getName());

  @Inject
  @ConfigProperty(name = "marquee.demo.enabled", defaultValue = "false")
  boolean enabled;

  @Resource(lookup = "java:jboss/datasources/MarqueeDS")
  DataSource dataSource;

  private volatile Boolean on;

  /** Whether the demo runs here. */
  public boolean isOn() {
    Boolean known = on;
    if (known == null) {
      known = enabled && embeddedDatabase();
      on = known;
    }
    return known;
  }

  private boolean embeddedDatabase() {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName();
      boolean h2 = product.toLowerCase(Locale.ROOT).contains("h2");
      if (!h2) {
        LOG.info(
            () ->
                "marquee.demo.enabled is set, but the demo runs only in the embedded mode (H2);"
                    + " this server uses "
                    + product
                    + ", so no demo data is loaded and /demo stays off.");
      }
      return h2;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot determine the database product", e);
    }
  }
}
