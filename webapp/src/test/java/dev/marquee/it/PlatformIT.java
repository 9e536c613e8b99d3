package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cross-cutting behaviour of the deployed application: authentication, errors, headers, health. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  @Test
  void managementApiWithoutCredentialsAnswers401ProblemNotARedirect() {
    ApiClient.Reply reply = ApiClient.anonymous(base).get("api/v1/entries");
    assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(reply.header("Location")).isNull();
  }

  @Test
  void wrongPasswordAnswers401() {
    assertProblem(
        ApiClient.anonymous(base).withBasic("editor", "not-the-password").get("api/v1/entries"),
        401);
  }

  @Test
  void accountWithoutAnyMarqueeRoleAnswers403() {
    assertProblem(ApiClient.anonymous(base).as("outsider").get("api/v1/entries"), 403);
  }

  @Test
  void generatedAdminPasswordFromConfigurationSignsIn() {
    ApiClient.Reply reply =
        ApiClient.anonymous(base).withBasic("admin", "it-Admin-pass").get("api/v1/no-such-thing");
    assertProblem(reply, 404);
  }

  @Test
  void unknownPathsAnswer404Problem() {
    assertProblem(ApiClient.anonymous(base).as("editor").get("api/v1/no-such-thing"), 404);
    assertProblem(ApiClient.anonymous(base).get("no-such-page"), 404);
  }

  @Test
  void everyResponseCarriesSecurityHeaders() {
    for (ApiClient.Reply reply :
        new ApiClient.Reply[] {
          ApiClient.anonymous(base).get("api/v1/entries"),
          ApiClient.anonymous(base).as("editor").get("api/v1/no-such-thing"),
          ApiClient.anonymous(base).get("openapi")
        }) {
      assertThat(reply.header("X-Content-Type-Options")).as("%s", reply).isEqualTo("nosniff");
      assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
      assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
    }
  }

  @Test
  void readinessReportsTheDatabaseTheServerWasConfiguredFor() throws Exception {
    // Management interface with the tests' port offset (arquillian.xml, webapp/pom.xml).
    java.net.URL management =
        new java.net.URL(
            "http://"
                + base.getHost()
                + ":"
                + System.getProperty("marquee.it.management-port")
                + "/");
    ApiClient.Reply reply = ApiClient.anonymous(management).get("health/ready");
    assertThat(reply.status()).isEqualTo(200);
    String expected = "postgresql".equals(System.getenv("MARQUEE_DB_DRIVER")) ? "PostgreSQL" : "H2";
    assertThat(reply.json().findValuesAsText("database")).containsExactly(expected);
  }

  @Test
  void openApiDocumentIsServedAsWritten() {
    ApiClient.Reply reply = ApiClient.anonymous(base).get("openapi");
    assertThat(reply.status()).isEqualTo(200);
    // SmallRye re-serialises the static document (key order may differ), content is the same.
    assertThat(reply.text()).contains("title: Marquee API").contains("/entries");
  }
}
