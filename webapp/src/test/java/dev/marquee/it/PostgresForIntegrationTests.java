package dev.marquee.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL 17 server before the integration tests when they run in PostgreSQL mode
 * (the Failsafe execution that sets {@code MARQUEE_DB_DRIVER=postgresql}); the managed WildFly
 * inherits that environment, so the server under test runs exactly as in production mode. The port
 * is {@code marquee.it.postgres-port} from webapp/pom.xml, the same one MARQUEE_DB_URL names.
 */
public class PostgresForIntegrationTests implements LauncherSessionListener {

  private EmbeddedPostgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"postgresql".equals(System.getenv("MARQUEE_DB_DRIVER"))) {
      return;
    }
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPort(Integer.getInteger("marquee.it.postgres-port", 55433))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL for the integration tests", e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
