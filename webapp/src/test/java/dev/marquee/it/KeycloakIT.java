package dev.marquee.it;

import static dev.marquee.it.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Single sign-on against a real Keycloak 26 (KeycloakForIntegrationTests): the server runs with
 * MARQUEE_AUTH_METHOD=OIDC and the realm of docs/keycloak/marquee-realm.json. Skipped in the other
 * (local account) runs.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfEnvironmentVariable(named = "MARQUEE_AUTH_METHOD", matches = "OIDC")
class KeycloakIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  /** Every token this class sent, to check the server log for them at the end. */
  private static final List<String> TOKENS_SENT = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MarqueeDeployment.war();
  }

  @ArquillianResource URL base;

  private String adminRedirectUri() {
    return base.toString().replaceAll("/$", "") + "/admin/session";
  }

  private String userToken(String user) {
    String token =
        KeycloakLogin.accessToken(
            KeycloakTestRealm.issuer(), adminRedirectUri(), user, KeycloakTestRealm.DEMO_PASSWORD);
    TOKENS_SENT.add(token);
    return token;
  }

  private ApiClient bearer(String token) {
    TOKENS_SENT.add(token);
    return ApiClient.anonymous(base).withBearer(token);
  }

  @Test
  void everyRoleReadsButOnlyEditorsCreateEntries() {
    for (String role : List.of("editor", "experimenter", "publisher", "admin")) {
      ApiClient client = bearer(userToken("demo-" + role));
      ApiClient.Reply list = client.get("api/v1/entries");
      assertThat(list.status()).as("%s lists entries: %s", role, list).isEqualTo(200);

      ApiClient.Reply create =
          client.postJson(
              "api/v1/entries", CatalogIT.entry(RUN + "-" + role, "Charade by " + role));
      if (role.equals("editor")) {
        assertThat(create.status()).as("%s", create).isEqualTo(201);
        // The principal is the Keycloak user name (principal-attribute preferred_username).
        assertThat(create.json().path("createdBy").asText()).isEqualTo("demo-editor");
      } else {
        assertProblem(create, 403);
      }
    }
  }

  @Test
  void userWithoutMarqueeRoleIsForbidden() {
    assertProblem(bearer(userToken(KeycloakTestRealm.OUTSIDER)).get("api/v1/entries"), 403);
  }

  @Test
  void automationClientCredentialsCarryThePublisherRole() {
    ApiClient automation =
        bearer(
            KeycloakLogin.clientToken(
                KeycloakTestRealm.issuer(),
                "marquee-automation",
                KeycloakTestRealm.AUTOMATION_SECRET));
    assertThat(automation.get("api/v1/entries").status()).isEqualTo(200);
    assertThat(automation.get("api/v1/audit-events").status()).isEqualTo(200);
    assertProblem(automation.postJson("api/v1/entries", CatalogIT.entry(RUN + "-bot", "x")), 403);
  }

  @Test
  void withoutTokenTheApiAnswers401NeverARedirect() {
    ApiClient.Reply reply = ApiClient.anonymous(base).get("api/v1/entries");
    assertProblem(reply, 401);
    assertThat(reply.header("Location")).isNull();
    assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void localAccountsAreOffInSingleSignOnMode() {
    ApiClient.Reply reply = ApiClient.anonymous(base).as("editor").get("api/v1/entries");
    assertProblem(reply, 401);
    assertThat(reply.header("Location")).isNull();
  }

  @Test
  void browserSignsInToTheAdminUiWithPkceAndSignsOut() {
    KeycloakLogin browser = new KeycloakLogin();
    URI session = URI.create(adminRedirectUri());
    HttpResponse<String> toKeycloak = browser.get(session);
    assertThat(toKeycloak.statusCode()).isEqualTo(302);
    URI authorization = URI.create(toKeycloak.headers().firstValue("Location").orElseThrow());
    assertThat(authorization.toString()).startsWith(KeycloakTestRealm.issuer());
    assertThat(KeycloakLogin.queryParam(authorization, "code_challenge_method")).isEqualTo("S256");
    assertThat(KeycloakLogin.queryParam(authorization, "client_id")).isEqualTo("marquee");

    HttpResponse<String> callback =
        browser.signIn(browser.get(authorization), "demo-admin", KeycloakTestRealm.DEMO_PASSWORD);
    assertThat(callback.statusCode()).isEqualTo(302);
    URI back = URI.create(callback.headers().firstValue("Location").orElseThrow());
    assertThat(back.getPath()).isEqualTo("/admin/session");

    HttpResponse<String> reply = browser.get(back);
    for (int hops = 0; reply.statusCode() == 302 && hops < 3; hops++) {
      reply = browser.get(session.resolve(reply.headers().firstValue("Location").orElseThrow()));
    }
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    JsonNode me = json(reply.body());
    assertThat(me.path("user").asText()).isEqualTo("demo-admin");
    assertThat(me.path("roles")).extracting(JsonNode::asText).containsExactly("marquee-admin");

    String csrfToken = me.path("csrfToken").asText();
    assertThat(csrfToken).hasSizeGreaterThanOrEqualTo(40);

    // The session cookie: not for scripts, not for cross-site subrequests, never in URLs.
    List<String> sessionCookies =
        browser.setCookieHeaders.stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
    assertThat(sessionCookies).isNotEmpty();
    assertThat(sessionCookies)
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
    assertThat(back.toString()).doesNotContainIgnoringCase("jsessionid");

    // Cross-site use of the session is refused, and changes nothing.
    URI logout = URI.create(base + "admin/logout");
    String ownOrigin = base.toString().replaceAll("/$", "");
    assertCsrfRefused(browser.post(logout, Map.of(), Map.of()));
    assertCsrfRefused(browser.post(logout, Map.of(), Map.of("X-CSRF-Token", "forged-token")));
    assertCsrfRefused(
        browser.post(
            logout, Map.of(), Map.of("X-CSRF-Token", csrfToken, "Origin", "https://evil.example")));
    assertCsrfRefused(
        browser.post(
            logout, Map.of(), Map.of("X-CSRF-Token", csrfToken, "Sec-Fetch-Site", "cross-site")));
    assertThat(browser.get(session).statusCode()).as("still signed in").isEqualTo(200);

    HttpResponse<String> loggedOut =
        browser.post(
            logout,
            Map.of(),
            Map.of(
                "X-CSRF-Token", csrfToken, "Origin", ownOrigin, "Sec-Fetch-Site", "same-origin"));
    assertThat(loggedOut.statusCode()).isEqualTo(303);
    HttpResponse<String> again = browser.get(session);
    assertThat(again.statusCode()).as("signed out: back to the login").isEqualTo(302);
    URI login = URI.create(again.headers().firstValue("Location").orElseThrow());
    assertThat(login.toString()).startsWith(KeycloakTestRealm.issuer());
    // The Keycloak session ended too: its login page again, not a silent sign-in.
    HttpResponse<String> loginPage = browser.get(login);
    assertThat(loginPage.statusCode()).as("Keycloak asks for the password again").isEqualTo(200);
    assertThat(loginPage.body()).contains("kc-form-login");
  }

  private static void assertCsrfRefused(HttpResponse<String> reply) {
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(403);
    assertThat(reply.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(reply.body()).path("type").asText()).endsWith("/csrf");
  }

  @Test
  void userManagementSaysUsersLiveInKeycloak() {
    ApiClient admin = bearer(userToken("demo-admin"));
    assertProblem(admin.get("api/v1/users"), 409);
    JsonNode problem =
        assertProblem(
            admin.postJson(
                "api/v1/users",
                Map.of(
                    "username",
                    "local-" + RUN,
                    "password",
                    "never-stored-passphrase",
                    "roles",
                    List.of("marquee-editor"))),
            409);
    assertThat(problem.path("detail").asText()).contains("identity provider");
    assertProblem(bearer(userToken("demo-editor")).get("api/v1/users"), 403);
  }

  @Test
  void expiredTokenIsRejected() throws InterruptedException {
    String token =
        KeycloakLogin.clientToken(
            KeycloakTestRealm.issuer(),
            KeycloakTestRealm.SHORT_LIVED,
            KeycloakTestRealm.TEST_CLIENT_SECRET);
    Thread.sleep(2_500);
    assertRejected(bearer(token).get("api/v1/entries"));
  }

  @Test
  void tokenForAnotherAudienceIsRejected() {
    String token =
        KeycloakLogin.clientToken(
            KeycloakTestRealm.issuer(),
            KeycloakTestRealm.OTHER_APP,
            KeycloakTestRealm.TEST_CLIENT_SECRET);
    assertThat(claims(token).path("aud").toString()).doesNotContain("\"marquee\"");
    assertRejected(bearer(token).get("api/v1/entries"));
  }

  @Test
  void tokenFromAnotherIssuerIsRejected() {
    // Keycloak in dev mode names its issuer after the host it was asked by: the same realm and
    // keys, but iss is http://localhost:…, not the configured http://127.0.0.1:….
    String otherIssuer = KeycloakTestRealm.issuer().replace("127.0.0.1", "localhost");
    String token =
        KeycloakLogin.clientToken(
            otherIssuer, "marquee-automation", KeycloakTestRealm.AUTOMATION_SECRET);
    assertThat(claims(token).path("iss").asText()).isEqualTo(otherIssuer);
    assertRejected(bearer(token).get("api/v1/entries"));
  }

  @Test
  void tokenSignedByAnotherKeyIsRejected() throws Exception {
    String genuine =
        KeycloakLogin.clientToken(
            KeycloakTestRealm.issuer(), "marquee-automation", KeycloakTestRealm.AUTOMATION_SECRET);
    String[] parts = genuine.split("\\.");
    // Same header (alg, the realm's kid) and claims, signed with a key of our own.
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateKey forger = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(forger);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    assertRejected(bearer(forged).get("api/v1/entries"));

    // Unsigned (alg none, no kid) with the genuine claims.
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    assertRejected(bearer(header + "." + parts[1] + ".").get("api/v1/entries"));

    // Elevated roles in the genuine token's claims invalidate its signature.
    ObjectNode claims = (ObjectNode) claims(genuine);
    claims.putObject("realm_access").putArray("roles").add("marquee-editor");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(claims))
            + "."
            + parts[2];
    assertRejected(bearer(tampered).postJson("api/v1/entries", CatalogIT.entry(RUN + "-t", "x")));
  }

  @Test
  void malformedAndOversizedAuthorizationHeadersAnswer401WithoutDetails() {
    List<String> headers =
        List.of(
            "Bearer",
            "Bearer garbage",
            "Bearer ...",
            "Bearer a.b.c",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.!!!",
            "Bearer " + "A".repeat(20_000),
            "Bearer " + "eyJ" + "x".repeat(10_000) + "." + "y".repeat(10_000) + ".z",
            "Basic !!!",
            "Negotiate abc");
    for (String header : headers) {
      ApiClient client = ApiClient.anonymous(base).withAuthorization(header);
      // HTTP/1.1 as curl and most clients send it (over HTTP/2 the server refuses a header this
      // large at the protocol level, before any application code runs).
      assertRejected(
          client.send(client.request("api/v1/entries").version(HttpClient.Version.HTTP_1_1).GET()));
    }
  }

  private static void assertRejected(ApiClient.Reply reply) {
    assertProblem(reply, 401);
    assertThat(reply.header("Location")).as("never a redirect").isNull();
    String challenge = String.valueOf(reply.header("WWW-Authenticate"));
    assertThat(challenge).doesNotContain("127.0.0.1").doesNotContain("Exception");
  }

  @AfterAll
  static void serverLogNeverContainsTokens() throws Exception {
    Path log = Path.of(System.getProperty("marquee.test.server"), "standalone/log/server.log");
    String text = Files.readString(log);
    for (String token : TOKENS_SENT) {
      String signature = token.substring(token.lastIndexOf('.') + 1);
      assertThat(text).doesNotContain(token);
      if (signature.length() > 20) {
        assertThat(text).as("a token signature in the log").doesNotContain(signature);
      }
    }
  }

  private static JsonNode claims(String token) {
    return json(
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(text, e);
    }
  }
}
