package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
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
 * Back-off after failed HTTP Basic sign-ins (defaults: 5 failures per user name, 20 per client
 * address, 1 s doubling to at most 15 min): refused with 429 and Retry-After, the same for unknown
 * and existing users, released after the wait, reset by a success.
 */
@ExtendWith(ArquillianExtension.class)
class LoginBackoffIT {
  private static final String PASSWORD = "back-off-passphrase";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient as(String user, String password) {
    return ApiClient.anonymous(base).withBasic(user, password);
  }

  private String newUser(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient.Reply created =
        ApiClient.anonymous(base)
            .as("administrator")
            .postJson(
                "api/v1/users",
                Map.of("username", name, "password", PASSWORD, "roles", List.of("marquee-editor")));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
    return name;
  }

  private void failTimes(String user, int times) {
    for (int i = 0; i < times; i++) {
      assertProblem(as(user, "wrong-password-" + i).get("api/v1/entries"), 401);
    }
  }

  private static JsonNode assertThrottled(ApiClient.Reply reply, String retryAfter) {
    JsonNode problem = assertProblem(reply, 429);
    assertThat(problem.path("type").asText()).endsWith("/login-throttled");
    assertThat(reply.header("Retry-After")).isEqualTo(retryAfter);
    return problem;
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordWaitsThenASuccessResets() throws Exception {
    String user = newUser("victim");
    failTimes(user, 5);
    JsonNode problem = assertThrottled(as(user, PASSWORD).get("api/v1/entries"), "1");
    assertThat(problem.toString()).doesNotContain(user).doesNotContain(PASSWORD);

    Thread.sleep(1_100);
    assertThat(as(user, PASSWORD).get("api/v1/entries").status()).isEqualTo(200);
    // the success reset the count: one more failure is an ordinary 401
    failTimes(user, 1);
    assertThat(as(user, PASSWORD).get("api/v1/entries").status()).isEqualTo(200);
  }

  @Test
  void lockoutDoublesAndUnknownUsersGetTheSameAnswer() throws Exception {
    String real = newUser("real");
    String ghost = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    failTimes(real, 5);
    failTimes(ghost, 5);
    JsonNode realAnswer = assertThrottled(as(real, PASSWORD).get("api/v1/entries"), "1");
    JsonNode ghostAnswer = assertThrottled(as(ghost, PASSWORD).get("api/v1/entries"), "1");
    assertThat(ghostAnswer).isEqualTo(realAnswer);

    Thread.sleep(1_100);
    failTimes(real, 1);
    assertThrottled(as(real, PASSWORD).get("api/v1/entries"), "2");
    Thread.sleep(2_100);
    assertThat(as(real, PASSWORD).get("api/v1/entries").status()).isEqualTo(200);
  }

  @Test
  void anAddressSprayingManyUserNamesIsHeldBack() throws Exception {
    ApiClient admin = ApiClient.anonymous(base).as("administrator");
    assertThat(admin.get("api/v1/entries").status()).isEqualTo(200);
    for (int i = 0; i < 20; i++) {
      failTimes("spray-" + i + "-" + UUID.randomUUID().toString().substring(0, 6), 1);
    }
    // every user name from this address waits now, whatever the password
    assertThrottled(admin.get("api/v1/entries"), "1");
    Thread.sleep(1_100);
    assertThat(admin.get("api/v1/entries").status()).isEqualTo(200);
  }

  @Test
  void requestsWithoutBasicCredentialsAreNotThrottled() {
    for (int i = 0; i < 25; i++) {
      assertProblem(ApiClient.anonymous(base).get("api/v1/entries"), 401);
    }
    // malformed Basic credentials are answered like none, never with a server error
    for (String header :
        List.of("Basic !!!", "Basic", "Basic bm9jb2xvbg==", "Basic " + "A".repeat(3000))) {
      ApiClient.Reply reply =
          ApiClient.anonymous(base).withAuthorization(header).get("api/v1/entries");
      assertProblem(reply, 401);
      assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    }
    assertThat(ApiClient.anonymous(base).as("editor").get("api/v1/entries").status())
        .isEqualTo(200);
  }
}
