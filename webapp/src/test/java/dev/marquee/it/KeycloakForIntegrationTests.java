package dev.marquee.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real Keycloak ({@code kc.sh start-dev --import-realm}, unpacked from
 * org.keycloak:keycloak-quarkus-dist by webapp/pom.xml) before the integration tests when they run
 * in OIDC mode (the Failsafe execution that sets {@code MARQUEE_AUTH_METHOD=OIDC}), and stops it
 * afterwards. It listens on {@code marquee.it.keycloak-port}, the port MARQUEE_OIDC_PROVIDER_URL
 * names, so the managed WildFly, started later by Arquillian, finds it. The realm is
 * docs/keycloak/marquee-realm.json with the test additions of {@link KeycloakTestRealm}.
 */
public class KeycloakForIntegrationTests implements LauncherSessionListener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP_LIMIT = Duration.ofMinutes(10);

  private Process keycloak;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"OIDC".equals(System.getenv("MARQUEE_AUTH_METHOD"))) {
      return;
    }
    Path home = Path.of(System.getProperty("marquee.it.keycloak-home"));
    try {
      Path imports = Files.createDirectories(home.resolve("data/import"));
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(imports.resolve("marquee-realm.json").toFile(), testRealm());
      Path log = home.resolve("keycloak.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  home.resolve("bin/kc.sh").toString(),
                  "start-dev",
                  "--http-host=127.0.0.1",
                  "--http-port=" + KeycloakTestRealm.port(),
                  "--db=dev-mem",
                  "--import-realm")
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      Map<String, String> env = builder.environment();
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "it-admin");
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "it-only-admin-password");
      keycloak = builder.start();
      awaitRealm(log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Keycloak for the integration tests", e);
    }
  }

  /** The shipped realm, with test secrets, the test server's redirect URIs and test clients. */
  private static ObjectNode testRealm() throws IOException {
    ObjectNode realm =
        (ObjectNode)
            JSON.readTree(Path.of(System.getProperty("marquee.it.keycloak-realm")).toFile());
    int httpPort = 8080 + Integer.getInteger("marquee.it.port-offset", 100);
    for (var client : realm.withArray("clients")) {
      ObjectNode c = (ObjectNode) client;
      switch (c.path("clientId").asText()) {
        case "marquee" -> {
          c.put("secret", KeycloakTestRealm.MARQUEE_SECRET);
          ArrayNode redirects = c.withArray("redirectUris");
          redirects.add("http://127.0.0.1:" + httpPort + "/admin/*");
          redirects.add("http://localhost:" + httpPort + "/admin/*");
        }
        case "marquee-automation" -> c.put("secret", KeycloakTestRealm.AUTOMATION_SECRET);
        default -> {}
      }
    }
    ArrayNode clients = realm.withArray("clients");
    ArrayNode users = realm.withArray("users");
    // Signed by this realm, but for another audience.
    clients.add(serviceAccountClient(KeycloakTestRealm.OTHER_APP, false, null));
    users.add(serviceAccount(KeycloakTestRealm.OTHER_APP));
    // For Marquee, but expired a second after it is issued.
    clients.add(serviceAccountClient(KeycloakTestRealm.SHORT_LIVED, true, "1"));
    users.add(serviceAccount(KeycloakTestRealm.SHORT_LIVED));
    ObjectNode outsider = users.addObject();
    outsider.put("username", KeycloakTestRealm.OUTSIDER);
    outsider.put("enabled", true);
    outsider.put("email", "it-outsider@example.invalid");
    outsider.put("emailVerified", true);
    outsider.put("firstName", "Outsider");
    outsider.put("lastName", "Test");
    outsider
        .putArray("credentials")
        .addObject()
        .put("type", "password")
        .put("value", KeycloakTestRealm.DEMO_PASSWORD)
        .put("temporary", false);
    return realm;
  }

  private static ObjectNode serviceAccountClient(
      String clientId, boolean marqueeAudience, String lifespanSeconds) {
    ObjectNode c = JSON.createObjectNode();
    c.put("clientId", clientId);
    c.put("enabled", true);
    c.put("publicClient", false);
    c.put("secret", KeycloakTestRealm.TEST_CLIENT_SECRET);
    c.put("standardFlowEnabled", false);
    c.put("serviceAccountsEnabled", true);
    if (lifespanSeconds != null) {
      c.putObject("attributes").put("access.token.lifespan", lifespanSeconds);
    }
    if (marqueeAudience) {
      c.putArray("protocolMappers")
          .addObject()
          .put("name", "marquee-audience")
          .put("protocol", "openid-connect")
          .put("protocolMapper", "oidc-audience-mapper")
          .putObject("config")
          .put("included.client.audience", "marquee")
          .put("access.token.claim", "true");
    }
    return c;
  }

  private static ObjectNode serviceAccount(String clientId) {
    ObjectNode u = JSON.createObjectNode();
    u.put("username", "service-account-" + clientId);
    u.put("enabled", true);
    u.put("serviceAccountClientId", clientId);
    u.putArray("realmRoles").add("marquee-admin");
    return u;
  }

  private void awaitRealm(Path log) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI discovery = URI.create(KeycloakTestRealm.issuer() + "/.well-known/openid-configuration");
    Instant deadline = Instant.now().plus(STARTUP_LIMIT);
    while (Instant.now().isBefore(deadline)) {
      if (!keycloak.isAlive()) {
        throw new IllegalStateException("Keycloak exited during startup:\n" + tail(log));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofSeconds(1));
    }
    stop();
    throw new IllegalStateException(
        "Keycloak not ready within " + STARTUP_LIMIT + ":\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stop();
  }

  private void stop() {
    if (keycloak == null) {
      return;
    }
    keycloak.descendants().forEach(ProcessHandle::destroy);
    keycloak.destroy();
    try {
      if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
        keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
        keycloak.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    keycloak = null;
  }
}
