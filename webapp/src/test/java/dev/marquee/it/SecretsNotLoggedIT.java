package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server log never contains a secret: after failed sign-ins, password changes, delivery API
 * keys issued, used and revoked, and a webhook subscription's signing secret in use, the log is
 * searched for every password, key and secret this test handled (and their Basic/base64 forms).
 */
@ExtendWith(ArquillianExtension.class)
class SecretsNotLoggedIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  /**
   * Secrets the test server gets as system properties (arquillian.xml): WildFly itself would log
   * them at start unless configure-server.cli quiets {@code org.jboss.as.config}.
   */
  private static final String INBOUND_WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private static final String ADMIN_PASSWORD = "it-Admin-pass";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private final List<String> secrets = new ArrayList<>();

  private String secret(String value) {
    secrets.add(value);
    return value;
  }

  private ApiClient basic(String user, String password) {
    secrets.add(
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    return ApiClient.anonymous(base).withBasic(user, password);
  }

  @Test
  void noPasswordKeyOrSecretReachesTheServerLog() throws Exception {
    ApiClient admin = ApiClient.anonymous(base).as("administrator");
    String user = "logcheck-" + RUN;

    // accounts: creation, failed sign-ins (existing and unknown user), password set and change
    String first = secret("first-" + RUN + "-passphrase");
    JsonNode created =
        admin
            .postJson(
                "api/v1/users",
                Map.of("username", user, "password", first, "roles", List.of("marquee-editor")))
            .json();
    String id = created.path("id").asText();
    for (int i = 0; i < 3; i++) {
      assertThat(basic(user, secret("wrong-" + RUN + "-" + i)).get("api/v1/entries").status())
          .isEqualTo(401);
    }
    assertThat(
            basic("nobody-" + RUN, secret("ghost-" + RUN + "-pw")).get("api/v1/entries").status())
        .isEqualTo(401);
    String second = secret("second-" + RUN + "-passphrase");
    assertThat(
            admin
                .putJson("api/v1/users/" + id + "/password", Map.of("password", second), null)
                .status())
        .isEqualTo(204);
    String third = secret("third-" + RUN + "-passphrase");
    ApiClient self = basic(user, second);
    assertThat(
            self.putJson(
                    "api/v1/users/me/password",
                    Map.of("currentPassword", secret("not-current-" + RUN), "newPassword", third),
                    null)
                .status())
        .isEqualTo(400);
    assertThat(
            self.putJson(
                    "api/v1/users/me/password",
                    Map.of("currentPassword", second, "newPassword", third),
                    null)
                .status())
        .isEqualTo(204);
    String tooShort = secret("sh0rt" + RUN.substring(0, 3));
    assertThat(
            admin
                .putJson("api/v1/users/" + id + "/password", Map.of("password", tooShort), null)
                .status())
        .isEqualTo(400);
    assertThat(basic(user, third).get("api/v1/entries").status()).isEqualTo(200);

    // delivery API keys: issued, used, a wrong one tried, revoked, used again
    String appId =
        admin
            .postJson("api/v1/delivery-apps", Map.of("name", "log-check " + RUN))
            .json()
            .path("id")
            .asText();
    JsonNode issued =
        admin.postJson("api/v1/delivery-apps/" + appId + "/keys", Map.of("label", "log")).json();
    String key = secret(issued.path("key").asText());
    // mqk_<16 hex>_<43 base64url>: the secret part may itself contain '_'
    secrets.add(key.substring(key.length() - 43));
    ApiClient anonymous = ApiClient.anonymous(base);
    assertThat(
            anonymous
                .send(anonymous.request("api/v1/delivery/whoami").header("X-Api-Key", key).GET())
                .status())
        .isEqualTo(200);
    String forged = secret(key.substring(0, key.length() - 4) + "AAAA");
    assertThat(
            anonymous
                .send(
                    anonymous
                        .request("api/v1/delivery/whoami")
                        .header("Authorization", "ApiKey " + forged)
                        .GET())
                .status())
        .isEqualTo(401);
    assertThat(
            admin
                .delete("api/v1/delivery-apps/" + appId + "/keys/" + issued.path("keyId").asText())
                .status())
        .isEqualTo(204);
    assertThat(
            anonymous
                .send(anonymous.request("api/v1/delivery/whoami").header("X-Api-Key", key).GET())
                .status())
        .isEqualTo(401);

    // outbound webhooks: the subscription's signing secret, used for a test message
    JsonNode subscription =
        admin
            .postJson(
                "api/v1/webhook-subscriptions",
                Map.of(
                    "url",
                    "http://127.0.0.1:9/log-check",
                    "eventTypes",
                    List.of("entry.changed"),
                    "description",
                    "log check"))
            .json();
    String webhookSecret = secret(subscription.path("secret").asText());
    secrets.add(webhookSecret.substring("whsec_".length()));
    String subscriptionId = subscription.path("subscription").path("id").asText();
    assertThat(
            admin
                .postJson("api/v1/webhook-subscriptions/" + subscriptionId + "/test", "{}")
                .status())
        .isLessThan(300);
    // a change that the subscription signs and (fails to) deliver
    assertThat(
            basic(user, third)
                .postJson("api/v1/entries", CatalogIT.entry("log-" + RUN, "Charade"))
                .status())
        .isEqualTo(201);
    Thread.sleep(3_000); // the outbox worker polls every 0.5 s in tests; let it try

    secrets.add(INBOUND_WEBHOOK_SECRET.substring("whsec_".length()));
    secrets.add(ADMIN_PASSWORD);
    secrets.add(TestAccounts.PASSWORD);
    Path log = Path.of(System.getProperty("marquee.test.server"), "standalone/log/server.log");
    String whole = Files.readString(log);
    // From this server's start on. configure-server.cli keeps org.jboss.as.config (which would
    // print -D secrets and the VM arguments) at INFO, but the very first boot of a freshly
    // provisioned test server still reads the stock logging.properties, which Galleon's offline
    // CLI does not rewrite (the bootable JAR's is rewritten); that boot is not Marquee's doing.
    int started = whole.lastIndexOf("WFLYSRV0025");
    String text = started < 0 ? whole : whole.substring(started);
    assertThat(text).as("the log mentions this test's user").contains(user);
    SoftAssertions softly = new SoftAssertions();
    for (String secret : secrets) {
      assertThat(secret).hasSizeGreaterThanOrEqualTo(8);
      softly.assertThat(text).as("a secret in the server log").doesNotContain(secret);
    }
    softly
        .assertThat(text)
        .as("no bcrypt hash in the log")
        .doesNotContainPattern("\\$2a\\$\\d\\d\\$");
    softly.assertAll();
  }
}
