package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery apps and their API keys through the deployed server: administration, authentication of
 * the delivery API by key (both header styles, rotation, revocation, disabled apps, malformed
 * headers), rate limits, CORS, and keys staying out of the server log.
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryAppsIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String WHOAMI = "api/v1/delivery/whoami";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient admin() {
    return ApiClient.anonymous(base).as("administrator");
  }

  private static Map<String, Object> app(String name, List<String> origins, int rate, int burst) {
    Map<String, Object> a = new HashMap<>();
    a.put("name", name);
    a.put("description", "Integration test app");
    a.put("allowedOrigins", origins);
    a.put("rateLimit", Map.of("requestsPerSecond", rate, "burst", burst));
    a.put("enabled", true);
    return a;
  }

  private JsonNode createApp(String name, List<String> origins, int rate, int burst) {
    ApiClient.Reply reply =
        admin().postJson("api/v1/delivery-apps", app(RUN + " " + name, origins, rate, burst));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.json();
  }

  private JsonNode createApp(String name) {
    return createApp(name, List.of(), 50, 100);
  }

  private String issueKey(String appId) {
    ApiClient.Reply reply =
        admin().postJson("api/v1/delivery-apps/" + appId + "/keys", Map.of("label", "it"));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return reply.json().path("key").asText();
  }

  private ApiClient.Reply whoami(String header, String value) {
    ApiClient anonymous = ApiClient.anonymous(base);
    return anonymous.send(anonymous.request(WHOAMI).header(header, value).GET());
  }

  private ApiClient.Reply whoamiWithKey(String key) {
    return whoami("X-Api-Key", key);
  }

  @Test
  void administratorsManageAppsWithETagsAndEveryChangeIsAudited() {
    ApiClient.Reply created =
        admin()
            .postJson(
                "api/v1/delivery-apps",
                app(
                    RUN + " crud",
                    List.of("https://TV.example.com:443", "http://localhost:5173"),
                    20,
                    40));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    String id = created.json().path("id").asText();
    assertThat(created.header("Location")).endsWith("/api/v1/delivery-apps/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(created.json().path("allowedOrigins").toString())
        .isEqualTo("[\"https://tv.example.com\",\"http://localhost:5173\"]");
    assertThat(created.json().path("createdBy").asText()).isEqualTo("administrator");

    ApiClient.Reply read = admin().get("api/v1/delivery-apps/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    assertThat(read.json().path("rateLimit").path("burst").asInt()).isEqualTo(40);

    Map<String, Object> changed = app(RUN + " crud", List.of(), 5, 5);
    changed.put("description", "renamed");
    ApiClient.Reply updated = admin().putJson("api/v1/delivery-apps/" + id, changed, "\"0\"");
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    assertThat(updated.json().path("rateLimit").path("requestsPerSecond").asInt()).isEqualTo(5);

    ApiClient.Reply stale = admin().putJson("api/v1/delivery-apps/" + id, changed, "\"0\"");
    assertProblem(stale, 412);
    assertThat(stale.header("ETag")).isEqualTo("\"1\"");
    assertProblem(admin().putJson("api/v1/delivery-apps/" + id, changed, null), 428);

    JsonNode list = admin().get("api/v1/delivery-apps?limit=200").json();
    assertThat(list.path("items").findValuesAsText("id")).contains(id);

    createApp("dup");
    assertProblem(
        admin().postJson("api/v1/delivery-apps", app(RUN + " dup", List.of(), 1, 1)), 409);
    assertFieldError(
        admin()
            .postJson(
                "api/v1/delivery-apps",
                app(RUN + " bad", List.of("https://ok.example.com", "tv.example.com/x"), 1, 1)),
        "allowedOrigins[1]");
    assertFieldError(
        admin().postJson("api/v1/delivery-apps", app(RUN + " zero", List.of(), 0, 1)),
        "rateLimit.requestsPerSecond");

    String key = issueKey(id);
    String keyId = key.substring(4, 20);
    assertThat(admin().delete("api/v1/delivery-apps/" + id + "/keys/" + keyId).status())
        .isEqualTo(204);

    ApiClient.Reply staleDelete =
        admin()
            .send(
                admin().request("api/v1/delivery-apps/" + id).header("If-Match", "\"0\"").DELETE());
    assertProblem(staleDelete, 412);
    assertThat(admin().delete("api/v1/delivery-apps/" + id).status()).isEqualTo(204);
    assertProblem(admin().get("api/v1/delivery-apps/" + id), 404);
    assertProblem(whoamiWithKey(key), 401);

    JsonNode audit =
        admin().get("api/v1/audit-events?targetType=DELIVERY_APP&targetId=" + id).json();
    assertThat(audit.path("items").findValuesAsText("action"))
        .containsExactly(
            "DELIVERY_APP_DELETED",
            "DELIVERY_KEY_REVOKED",
            "DELIVERY_KEY_ISSUED",
            "DELIVERY_APP_UPDATED",
            "DELIVERY_APP_CREATED");
    assertThat(audit.toString()).contains("mqk_" + keyId).doesNotContain(key);
  }

  @Test
  void onlyAdministratorsManageAppsAndAnonymousCallersMustSignIn() {
    String id = createApp("roles").path("id").asText();
    for (String user : List.of("editor", "experimenter", "publisher", "outsider")) {
      ApiClient client = ApiClient.anonymous(base).as(user);
      assertProblem(client.get("api/v1/delivery-apps"), 403);
      assertProblem(client.get("api/v1/delivery-apps/" + id), 403);
      assertProblem(client.postJson("api/v1/delivery-apps", app(RUN + user, List.of(), 1, 1)), 403);
      assertProblem(client.postJson("api/v1/delivery-apps/" + id + "/keys", Map.of()), 403);
      assertProblem(client.get("api/v1/delivery-apps/" + id + "/keys"), 403);
    }
    ApiClient anonymous = ApiClient.anonymous(base);
    assertProblem(anonymous.get("api/v1/delivery-apps"), 401);
    assertProblem(anonymous.postJson("api/v1/delivery-apps/" + id + "/keys", Map.of()), 401);

    String key = issueKey(id);
    ApiClient.Reply keyAsUser =
        anonymous.send(
            anonymous
                .request("api/v1/delivery-apps")
                .header("Authorization", "ApiKey " + key)
                .GET());
    assertProblem(keyAsUser, 401);
    ApiClient.Reply keyOnManagement =
        anonymous.send(anonymous.request("api/v1/entries").header("X-Api-Key", key).GET());
    assertProblem(keyOnManagement, 401);
    assertThat(ApiClient.anonymous(base).as("editor").get("api/v1/entries").status())
        .as("user authentication of the management API is unchanged")
        .isEqualTo(200);
  }

  @Test
  void anIssuedKeyIsShownOnceAndWorksWithBothHeaderStyles() {
    JsonNode app = createApp("whoami");
    String id = app.path("id").asText();
    ApiClient.Reply issued =
        admin()
            .postJson(
                "api/v1/delivery-apps/" + id + "/keys",
                Map.of("label", "tv-2026-11", "expiresAt", "2099-01-01T00:00:00Z"));
    assertThat(issued.status()).as("%s", issued).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).contains("no-store");
    String key = issued.json().path("key").asText();
    assertThat(key).matches("mqk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    assertThat(issued.json().path("prefix").asText()).isEqualTo(key.substring(0, 20));
    assertThat(issued.json().path("status").asText()).isEqualTo("ACTIVE");

    ApiClient.Reply viaAuthorization = whoami("Authorization", "ApiKey " + key);
    assertThat(viaAuthorization.status()).as("%s", viaAuthorization).isEqualTo(200);
    assertThat(viaAuthorization.json().path("appId").asText()).isEqualTo(id);
    assertThat(viaAuthorization.json().path("appName").asText()).isEqualTo(RUN + " whoami");
    assertThat(viaAuthorization.json().path("keyId").asText()).isEqualTo(key.substring(4, 20));
    assertThat(viaAuthorization.header("Cache-Control")).contains("no-store");

    ApiClient.Reply viaHeader = whoamiWithKey(key);
    assertThat(viaHeader.status()).as("%s", viaHeader).isEqualTo(200);
    assertThat(viaHeader.json().path("appId").asText()).isEqualTo(id);

    ApiClient.Reply keys = admin().get("api/v1/delivery-apps/" + id + "/keys");
    assertThat(keys.status()).isEqualTo(200);
    JsonNode listed = keys.json().path("items").get(0);
    assertThat(listed.path("prefix").asText()).isEqualTo(key.substring(0, 20));
    assertThat(listed.path("label").asText()).isEqualTo("tv-2026-11");
    assertThat(listed.path("createdBy").asText()).isEqualTo("administrator");
    assertThat(listed.path("lastUsedAt").asText()).as("last use recorded").isNotBlank();
    assertThat(listed.has("key")).isFalse();
    assertThat(keys.text()).doesNotContain(key.substring(21));

    assertFieldError(
        admin()
            .postJson(
                "api/v1/delivery-apps/" + id + "/keys",
                Map.of("expiresAt", "2001-01-01T00:00:00Z")),
        "expiresAt");
    assertProblem(
        admin().postJson("api/v1/delivery-apps/" + UUID.randomUUID() + "/keys", Map.of()), 404);
  }

  @Test
  void twoKeysWorkDuringRotationAndARevokedKeyStopsAtOnce() {
    String id = createApp("rotation").path("id").asText();
    String oldKey = issueKey(id);
    String newKey = issueKey(id);
    assertThat(whoamiWithKey(oldKey).status()).isEqualTo(200);
    assertThat(whoamiWithKey(newKey).status()).isEqualTo(200);

    String oldKeyId = oldKey.substring(4, 20);
    assertThat(admin().delete("api/v1/delivery-apps/" + id + "/keys/" + oldKeyId).status())
        .isEqualTo(204);
    assertProblem(whoamiWithKey(oldKey), 401);
    assertThat(whoamiWithKey(newKey).status()).isEqualTo(200);

    JsonNode keys = admin().get("api/v1/delivery-apps/" + id + "/keys").json().path("items");
    for (JsonNode k : keys) {
      assertThat(k.path("status").asText())
          .isEqualTo(k.path("keyId").asText().equals(oldKeyId) ? "REVOKED" : "ACTIVE");
    }
    assertThat(admin().delete("api/v1/delivery-apps/" + id + "/keys/" + oldKeyId).status())
        .as("revoking twice changes nothing")
        .isEqualTo(204);
    assertProblem(admin().delete("api/v1/delivery-apps/" + id + "/keys/0000000000000000"), 404);
  }

  @Test
  void aDisabledAppIsRejectedUntilEnabledAgain() {
    JsonNode app = createApp("disabled");
    String id = app.path("id").asText();
    String key = issueKey(id);
    assertThat(whoamiWithKey(key).status()).isEqualTo(200);

    Map<String, Object> disabled = app(RUN + " disabled", List.of(), 50, 100);
    disabled.put("enabled", false);
    assertThat(admin().putJson("api/v1/delivery-apps/" + id, disabled, "\"0\"").status())
        .isEqualTo(200);
    assertProblem(whoamiWithKey(key), 401);

    disabled.put("enabled", true);
    assertThat(admin().putJson("api/v1/delivery-apps/" + id, disabled, "*").status())
        .isEqualTo(200);
    assertThat(whoamiWithKey(key).status()).isEqualTo(200);
  }

  @Test
  void badKeysAndMalformedHeadersAllAnswerTheSame401() throws IOException {
    String id = createApp("malformed").path("id").asText();
    String key = issueKey(id);
    String wrongSecret = key.substring(0, 21) + "A".repeat(43);
    String unknownId = "mqk_0123456789abcdef" + key.substring(20);
    ApiClient anonymous = ApiClient.anonymous(base);

    ApiClient.Reply missing = anonymous.get(WHOAMI);
    JsonNode reference = assertProblem(missing, 401);
    assertThat(reference.path("type").asText()).endsWith("/invalid-api-key");
    assertThat(missing.header("WWW-Authenticate")).startsWith("ApiKey");

    List<ApiClient.Reply> rejected =
        List.of(
            whoami("Authorization", key),
            whoami("Authorization", "Bearer " + key),
            whoami("Authorization", "ApiKey"),
            whoami("X-Api-Key", key.substring(4)),
            whoami("X-Api-Key", wrongSecret),
            whoami("X-Api-Key", unknownId),
            whoami("X-Api-Key", "x".repeat(10_240)),
            whoami("Authorization", "ApiKey " + "k".repeat(10_240)),
            anonymous.send(
                anonymous
                    .request(WHOAMI)
                    .header("X-Api-Key", key)
                    .header("Authorization", "ApiKey " + wrongSecret)
                    .GET()),
            anonymous.get("api/v1/delivery/no-such-endpoint"));
    for (ApiClient.Reply reply : rejected) {
      JsonNode body = assertProblem(reply, 401);
      assertThat(reply.header("WWW-Authenticate")).as("%s", reply).startsWith("ApiKey");
      if (!reply.toString().contains("no-such-endpoint")) {
        assertThat(body).as("no hint which check failed").isEqualTo(reference);
      }
    }

    RawHttp.Reply nonAscii = RawHttp.get(base, "/" + WHOAMI, "X-Api-Key: mqk_кл\u044e\u0447_ä€😀");
    assertThat(nonAscii.status()).as(nonAscii.text()).isEqualTo(401);
    assertThat(nonAscii.text()).contains("application/problem+json").contains("invalid-api-key");
    RawHttp.Reply nonAsciiAuth =
        RawHttp.get(base, "/" + WHOAMI, "Authorization: ApiKey \u00e9\u00e8" + key);
    assertThat(nonAsciiAuth.status()).as(nonAsciiAuth.text()).isEqualTo(401);

    assertThat(whoamiWithKey(key).status()).as("the real key still works").isEqualTo(200);
  }

  @Test
  void aTinyRateLimitAnswers429WithRetryAfter() {
    String id = createApp("limited", List.of(), 1, 2).path("id").asText();
    String key = issueKey(id);

    assertThat(whoamiWithKey(key).status()).isEqualTo(200);
    assertThat(whoamiWithKey(key).status()).isEqualTo(200);
    ApiClient.Reply limited = whoamiWithKey(key);
    JsonNode problem = assertProblem(limited, 429);
    assertThat(problem.path("type").asText()).endsWith("/rate-limited");
    assertThat(limited.header("Retry-After")).isEqualTo("1");

    String otherKey = issueKey(createApp("unlimited").path("id").asText());
    assertThat(whoamiWithKey(otherKey).status()).as("limits are per app").isEqualTo(200);
  }

  @Test
  void corsAllowsOnlyTheOriginsOfTheApps() {
    String tv = "https://tv-" + RUN + ".example.com";
    String web = "https://web-" + RUN + ".example.com";
    String evil = "https://evil-" + RUN + ".example.com";
    String tvKey = issueKey(createApp("cors-tv", List.of(tv), 50, 100).path("id").asText());
    issueKey(createApp("cors-web", List.of(web), 50, 100).path("id").asText());
    ApiClient anonymous = ApiClient.anonymous(base);

    ApiClient.Reply preflight = preflight(tv);
    assertThat(preflight.status()).as("%s", preflight).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(tv);
    assertThat(preflight.header("Access-Control-Allow-Headers"))
        .contains("X-Api-Key", "Authorization");
    assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
    assertThat(preflight.header("Vary")).contains("Origin");
    assertThat(preflight(web).header("Access-Control-Allow-Origin"))
        .as("a preflight has no key, so any app's origin passes it")
        .isEqualTo(web);

    ApiClient.Reply denied = preflight(evil);
    assertProblem(denied, 403);
    assertThat(denied.header("Access-Control-Allow-Origin")).isNull();

    ApiClient.Reply actual =
        anonymous.send(
            anonymous.request(WHOAMI).header("X-Api-Key", tvKey).header("Origin", tv).GET());
    assertThat(actual.status()).isEqualTo(200);
    assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(tv);
    assertThat(actual.header("Access-Control-Expose-Headers")).contains("Retry-After");
    assertThat(actual.header("Vary")).contains("Origin");

    for (String other : List.of(web, evil)) {
      ApiClient.Reply foreign =
          anonymous.send(
              anonymous.request(WHOAMI).header("X-Api-Key", tvKey).header("Origin", other).GET());
      assertThat(foreign.status()).isEqualTo(200);
      assertThat(foreign.header("Access-Control-Allow-Origin"))
          .as("the calling app does not allow %s", other)
          .isNull();
    }

    ApiClient.Reply unauthenticated =
        anonymous.send(anonymous.request(WHOAMI).header("Origin", tv).GET());
    assertProblem(unauthenticated, 401);
    assertThat(unauthenticated.header("Access-Control-Allow-Origin"))
        .as("an allowed page can read why it was rejected")
        .isEqualTo(tv);
  }

  private ApiClient.Reply preflight(String origin) {
    ApiClient anonymous = ApiClient.anonymous(base);
    return anonymous.send(
        anonymous
            .request(WHOAMI)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "x-api-key")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void theServerLogNeverContainsKeys() throws IOException {
    String id = createApp("logs").path("id").asText();
    String key = issueKey(id);
    String secret = key.substring(21);
    String wrongSecret = key.substring(0, 21) + "Z".repeat(43);
    assertThat(whoamiWithKey(key).status()).isEqualTo(200);
    assertProblem(whoamiWithKey(wrongSecret), 401);
    assertProblem(whoami("Authorization", "ApiKey " + key + "tail"), 401);
    assertThat(
            admin().delete("api/v1/delivery-apps/" + id + "/keys/" + key.substring(4, 20)).status())
        .isEqualTo(204);
    assertProblem(whoamiWithKey(key), 401);

    Path log =
        Path.of(System.getProperty("marquee.test.server"), "standalone", "log", "server.log");
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(text)
        .as("key issue and revocation are logged by prefix")
        .contains(key.substring(0, 20));
    assertThat(text).doesNotContain(secret).doesNotContain(wrongSecret.substring(21));
  }
}
