package dev.marquee.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CSRF protection in the embedded mode (KeycloakIT covers the single sign-on session): the session
 * hands out its token and a hardened cookie, a cookie alone never changes anything, and requests
 * with credentials the client sets itself are not affected.
 */
@ExtendWith(ArquillianExtension.class)
class CsrfIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private ApiClient.Reply session() {
    ApiClient.Reply reply = ApiClient.anonymous(base).as("editor").get("admin/session");
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply;
  }

  @Test
  void theSessionHandsOutItsTokenAndAHardenedCookie() {
    ApiClient.Reply reply = session();
    assertThat(reply.json().path("user").asText()).isEqualTo("editor");
    assertThat(reply.json().path("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    String cookie = reply.header("Set-Cookie");
    assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly");
    assertThat(cookie).contains("SameSite=Lax");
    assertThat(cookie).as("plain HTTP: no Secure flag").doesNotContainIgnoringCase("secure");
  }

  @Test
  void aCookieFromAnotherSiteNeverChangesAnything() {
    ApiClient.Reply reply = session();
    String cookie = reply.header("Set-Cookie").split(";", 2)[0];
    String token = reply.json().path("csrfToken").asText();
    ApiClient anonymous = ApiClient.anonymous(base);
    for (String path : new String[] {"admin/logout", "api/v1/entries"}) {
      ApiClient.Reply crossSite =
          anonymous.send(
              anonymous
                  .request(path)
                  .header("Cookie", cookie)
                  .header("Origin", "https://evil.example")
                  .header("Sec-Fetch-Site", "cross-site")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(json(CatalogIT.entry("csrf-x", "x")))));
      ProblemAssert.assertProblem(crossSite, crossSite.status());
      assertThat(crossSite.status()).as("%s %s", path, crossSite).isIn(401, 403);
    }
    // even with the right token, a cookie is no HTTP Basic login
    ApiClient.Reply withToken =
        anonymous.send(
            anonymous
                .request("admin/logout")
                .header("Cookie", cookie)
                .header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(withToken.status()).as("%s", withToken).isIn(401, 403);
  }

  @Test
  void credentialsTheClientSetsItselfAreNotAffected() {
    ApiClient editor = ApiClient.anonymous(base).as("editor");
    ApiClient.Reply created =
        editor.send(
            editor
                .request("api/v1/entries")
                .header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        json(
                            CatalogIT.entry("csrf-basic-" + System.nanoTime(), "Basic is fine")))));
    assertThat(created.status()).as("%s", created).isEqualTo(201);
  }

  private static String json(Object body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
