package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertFieldError;
import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Local accounts managed over /api/v1/users: every change signs in (or stops signing in) with the
 * very next request, the password policy holds, the last administrator stays, and the audit log
 * records each change without a password.
 */
@ExtendWith(ArquillianExtension.class)
class UsersIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> ALL_ROLES =
      List.of("marquee-editor", "marquee-experimenter", "marquee-publisher", "marquee-admin");
  private static final String FIRST_PASSWORD = "first-long-passphrase";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient admin() {
    return ApiClient.anonymous(base).as("administrator");
  }

  private ApiClient as(String user, String password) {
    return ApiClient.anonymous(base).withBasic(user, password);
  }

  private static Map<String, Object> user(String name, String password, String... roles) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", name);
    body.put("password", password);
    body.put("roles", List.of(roles));
    return body;
  }

  private JsonNode create(String name, String... roles) {
    ApiClient.Reply created = admin().postJson("api/v1/users", user(name, FIRST_PASSWORD, roles));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return created.json();
  }

  @Test
  void adminCreatesAUserWhoSignsInWithTheNextRequest() {
    String name = "erin-" + RUN;
    assertProblem(as(name, FIRST_PASSWORD).get("api/v1/entries"), 401);

    ApiClient.Reply created =
        admin().postJson("api/v1/users", user(name, FIRST_PASSWORD, "marquee-editor"));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.path("id").asText();
    assertThat(created.header("Location")).endsWith("/api/v1/users/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"0\"");
    assertThat(body.path("username").asText()).isEqualTo(name);
    assertThat(body.path("roles")).extracting(JsonNode::asText).containsExactly("marquee-editor");
    assertThat(body.path("enabled").asBoolean()).isTrue();
    assertThat(created.text()).doesNotContain(FIRST_PASSWORD).doesNotContain("$2a$");

    ApiClient erin = as(name, FIRST_PASSWORD);
    assertThat(erin.get("api/v1/entries").status()).isEqualTo(200);
    assertThat(erin.postJson("api/v1/entries", CatalogIT.entry(RUN + "-erin", "Charade")).status())
        .isEqualTo(201);
    assertProblem(erin.get("api/v1/users"), 403);

    ApiClient.Reply read = admin().get("api/v1/users/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    assertThat(read.text()).doesNotContain(FIRST_PASSWORD).doesNotContain("$2a$");

    assertProblem(admin().postJson("api/v1/users", user(name, "another-passphrase")), 409);
  }

  @Test
  void listPagesThroughAccountsByNameWithoutPasswords() {
    for (String n : List.of("list-a-", "list-b-", "list-c-")) {
      create(n + RUN, "marquee-publisher");
    }
    List<String> names = new ArrayList<>();
    String next = "api/v1/users?limit=2";
    int pages = 0;
    while (next != null) {
      ApiClient.Reply page = admin().get(next);
      assertThat(page.status()).as("%s", page).isEqualTo(200);
      assertThat(page.text()).doesNotContain("password").doesNotContain("$2a$");
      page.json().path("items").forEach(u -> names.add(u.path("username").asText()));
      JsonNode cursor = page.json().path("nextCursor");
      next = cursor.isMissingNode() ? null : "api/v1/users?limit=2&cursor=" + cursor.asText();
      pages++;
    }
    assertThat(pages).isGreaterThan(1);
    assertThat(names).isSorted().doesNotHaveDuplicates();
    assertThat(names).contains("administrator", "list-a-" + RUN, "list-c-" + RUN);
    assertFieldError(admin().get("api/v1/users?cursor=forged"), "cursor");
  }

  @Test
  void passwordPolicyAndInputRulesAnswer400WithoutEchoingThePassword() {
    String name = "policy-" + RUN;
    ApiClient.Reply tooShort =
        admin().postJson("api/v1/users", user(name, "short-pw", "marquee-editor"));
    assertFieldError(tooShort, "password");
    assertThat(tooShort.text()).doesNotContain("short-pw");
    assertFieldError(
        admin().postJson("api/v1/users", user(name, name.toUpperCase(), "marquee-editor")),
        "password");
    assertFieldError(
        admin().postJson("api/v1/users", user(name, "x".repeat(73), "marquee-editor")), "password");
    assertProblem(admin().postJson("api/v1/users", user(name, FIRST_PASSWORD, "superuser")), 400);
    assertFieldError(
        admin().postJson("api/v1/users", user("no spaces " + RUN, FIRST_PASSWORD)), "username");
    assertProblem(admin().postJson("api/v1/users", "{\"username\":\"" + name + "\"}"), 400);
    assertProblem(admin().get("api/v1/users/" + UUID.randomUUID()), 404);
    // nothing was created
    assertProblem(as(name, FIRST_PASSWORD).get("api/v1/entries"), 401);
  }

  @Test
  void roleChangesAndDisablingApplyToTheNextRequest() {
    String name = "roles-" + RUN;
    String id = create(name, "marquee-editor").path("id").asText();
    ApiClient user = as(name, FIRST_PASSWORD);
    assertThat(user.postJson("api/v1/entries", CatalogIT.entry(RUN + "-r1", "x")).status())
        .isEqualTo(201);

    Map<String, Object> publisher = Map.of("roles", List.of("marquee-publisher"), "enabled", true);
    assertProblem(admin().putJson("api/v1/users/" + id, publisher, null), 428);
    assertProblem(admin().putJson("api/v1/users/" + id, publisher, "\"7\""), 412);
    ApiClient.Reply updated = admin().putJson("api/v1/users/" + id, publisher, "\"0\"");
    assertThat(updated.status()).as("%s", updated).isEqualTo(200);
    assertThat(updated.header("ETag")).isEqualTo("\"1\"");
    assertThat(updated.json().path("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("marquee-publisher");
    assertProblem(user.postJson("api/v1/entries", CatalogIT.entry(RUN + "-r2", "x")), 403);
    assertThat(user.get("api/v1/audit-events").status()).isEqualTo(200);

    ApiClient.Reply disabled =
        admin()
            .putJson(
                "api/v1/users/" + id,
                Map.of("roles", List.of("marquee-publisher"), "enabled", false),
                "\"1\"");
    assertThat(disabled.status()).as("%s", disabled).isEqualTo(200);
    assertProblem(user.get("api/v1/entries"), 401);

    JsonNode audit = admin().get("api/v1/audit-events?targetType=USER&targetId=" + id).json();
    assertThat(audit.path("items").findValuesAsText("action"))
        .containsExactly("USER_UPDATED", "USER_UPDATED", "USER_CREATED");
    assertThat(audit.toString()).doesNotContain(FIRST_PASSWORD).doesNotContain("$2a$");
    assertThat(audit.path("items").get(0).path("details").path("enabled").path("after").asBoolean())
        .isFalse();

    assertThat(admin().delete("api/v1/users/" + id).status()).isEqualTo(204);
    assertProblem(admin().get("api/v1/users/" + id), 404);
    assertThat(
            admin()
                .get("api/v1/audit-events?targetType=USER&targetId=" + id)
                .json()
                .path("items")
                .get(0)
                .path("action")
                .asText())
        .isEqualTo("USER_DELETED");
  }

  @Test
  void adminSetsAPasswordAndTheOldOneStopsWorking() {
    String name = "reset-" + RUN;
    String id = create(name, "marquee-experimenter").path("id").asText();
    String newPassword = "admin-chosen-passphrase";
    assertFieldError(
        admin().putJson("api/v1/users/" + id + "/password", Map.of("password", "tiny"), null),
        "password");
    assertThat(
            admin()
                .putJson("api/v1/users/" + id + "/password", Map.of("password", newPassword), null)
                .status())
        .isEqualTo(204);
    assertProblem(as(name, FIRST_PASSWORD).get("api/v1/entries"), 401);
    assertThat(as(name, newPassword).get("api/v1/entries").status()).isEqualTo(200);
    assertProblem(
        admin()
            .putJson(
                "api/v1/users/" + UUID.randomUUID() + "/password",
                Map.of("password", newPassword),
                null),
        404);
    assertProblem(
        as(name, newPassword)
            .putJson(
                "api/v1/users/" + id + "/password", Map.of("password", "self-made-password"), null),
        403);
  }

  @Test
  void everyLocalUserChangesTheirOwnPasswordWithTheCurrentOne() {
    String name = "self-" + RUN;
    String id = create(name, "marquee-publisher").path("id").asText();
    ApiClient user = as(name, FIRST_PASSWORD);
    String newPassword = "my-own-new-passphrase";

    JsonNode wrong =
        assertFieldError(
            user.putJson(
                "api/v1/users/me/password",
                Map.of("currentPassword", "not-the-password", "newPassword", newPassword),
                null),
            "currentPassword");
    assertThat(wrong.toString()).doesNotContain("not-the-password").doesNotContain(newPassword);
    assertFieldError(
        user.putJson(
            "api/v1/users/me/password",
            Map.of("currentPassword", FIRST_PASSWORD, "newPassword", "short"),
            null),
        "newPassword");
    assertThat(as(name, FIRST_PASSWORD).get("api/v1/entries").status()).isEqualTo(200);

    ApiClient.Reply changed =
        user.putJson(
            "api/v1/users/me/password",
            Map.of("currentPassword", FIRST_PASSWORD, "newPassword", newPassword),
            null);
    assertThat(changed.status()).as("%s", changed).isEqualTo(204);
    assertProblem(as(name, FIRST_PASSWORD).get("api/v1/entries"), 401);
    assertThat(as(name, newPassword).get("api/v1/entries").status()).isEqualTo(200);

    JsonNode audit = admin().get("api/v1/audit-events?targetType=USER&targetId=" + id).json();
    JsonNode latest = audit.path("items").get(0);
    assertThat(latest.path("action").asText()).isEqualTo("USER_PASSWORD_CHANGED");
    assertThat(latest.path("actor").asText()).isEqualTo(name);
    assertThat(audit.toString()).doesNotContain(FIRST_PASSWORD).doesNotContain(newPassword);
  }

  @Test
  void theLastEnabledAdministratorCannotBeDemotedDisabledOrDeleted() {
    // Two administrators exist: the bootstrap 'admin' and TestAccounts' 'administrator'.
    JsonNode bootstrap = findUser("admin");
    JsonNode administrator = findUser("administrator");
    String adminId = bootstrap.path("id").asText();
    String selfId = administrator.path("id").asText();
    ApiClient.Reply off =
        admin()
            .putJson("api/v1/users/" + adminId, Map.of("roles", ALL_ROLES, "enabled", false), "*");
    assertThat(off.status()).as("%s", off).isEqualTo(200);
    try {
      String etag = admin().get("api/v1/users/" + selfId).header("ETag");
      assertProblem(
          admin()
              .putJson(
                  "api/v1/users/" + selfId,
                  Map.of("roles", List.of("marquee-editor"), "enabled", true),
                  etag),
          409);
      assertProblem(
          admin()
              .putJson(
                  "api/v1/users/" + selfId,
                  Map.of("roles", List.of("marquee-admin"), "enabled", false),
                  etag),
          409);
      assertProblem(admin().delete("api/v1/users/" + selfId), 409);
      // still an administrator, unchanged
      ApiClient.Reply still = admin().get("api/v1/users/" + selfId);
      assertThat(still.header("ETag")).isEqualTo(etag);
      assertThat(still.json().path("roles")).extracting(JsonNode::asText).contains("marquee-admin");
    } finally {
      ApiClient.Reply on =
          admin()
              .putJson("api/v1/users/" + adminId, Map.of("roles", ALL_ROLES, "enabled", true), "*");
      assertThat(on.status()).as("%s", on).isEqualTo(200);
    }
  }

  private JsonNode findUser(String name) {
    String next = "api/v1/users?limit=200";
    while (next != null) {
      JsonNode page = admin().get(next).json();
      for (JsonNode u : page.path("items")) {
        if (u.path("username").asText().equals(name)) {
          return u;
        }
      }
      JsonNode cursor = page.path("nextCursor");
      next = cursor.isMissingNode() ? null : "api/v1/users?limit=200&cursor=" + cursor.asText();
    }
    throw new AssertionError("no user " + name);
  }
}
