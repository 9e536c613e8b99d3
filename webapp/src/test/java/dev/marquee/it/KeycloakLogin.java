package dev.marquee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: follows redirects by hand with a cookie jar and fills Keycloak's
 * login form, so tests run the real authorization code flow with PKCE.
 *
 * <p>The jar is its own: Keycloak marks its cookies {@code Secure} even over plain HTTP, which
 * browsers still send to a loopback origin (a "potentially trustworthy" one) but {@link
 * java.net.CookieManager} does not.
 */
final class KeycloakLogin {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  /** Every Set-Cookie header received, as sent, to check cookie attributes. */
  final java.util.List<String> setCookieHeaders = new java.util.ArrayList<>();

  /** Cookies per origin (scheme, host and port); paths do not matter for these tests. */
  private final Map<String, Map<String, String>> cookies = new java.util.HashMap<>();

  private final HttpClient http =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  HttpResponse<String> post(URI uri, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
  }

  /** A form POST with extra request headers (Origin, X-CSRF-Token…). */
  HttpResponse<String> post(URI uri, Map<String, String> form, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
    headers.forEach(builder::header);
    return send(builder);
  }

  /** On Keycloak's login page (the response to an authorization request), signs in. */
  HttpResponse<String> signIn(HttpResponse<String> loginPage, String user, String password) {
    Matcher m = LOGIN_FORM.matcher(loginPage.body());
    if (loginPage.statusCode() != 200 || !m.find()) {
      throw new AssertionError("Not Keycloak's login page: " + loginPage.statusCode());
    }
    URI action = URI.create(m.group(1).replace("&amp;", "&"));
    return post(action, Map.of("username", user, "password", password, "credentialId", ""));
  }

  /** A user's access token for Marquee, by the authorization code flow with PKCE (S256). */
  static String accessToken(String issuer, String redirectUri, String user, String password) {
    KeycloakLogin browser = new KeycloakLogin();
    String verifier = randomUrlSafe(48);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_id", "marquee");
    query.put("response_type", "code");
    query.put("scope", "openid");
    query.put("redirect_uri", redirectUri);
    query.put("state", randomUrlSafe(12));
    query.put("code_challenge", s256(verifier));
    query.put("code_challenge_method", "S256");
    HttpResponse<String> page =
        browser.get(URI.create(issuer + "/protocol/openid-connect/auth?" + formBody(query)));
    HttpResponse<String> back = browser.signIn(page, user, password);
    String location = back.headers().firstValue("Location").orElseThrow();
    String code = queryParam(URI.create(location), "code");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("client_id", "marquee");
    form.put("client_secret", KeycloakTestRealm.MARQUEE_SECRET);
    form.put("code_verifier", verifier);
    return tokenResponse(browser.post(URI.create(issuer + "/protocol/openid-connect/token"), form));
  }

  /** A client's access token by the client credentials grant. */
  static String clientToken(String issuer, String clientId, String secret) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    return tokenResponse(
        new KeycloakLogin().post(URI.create(issuer + "/protocol/openid-connect/token"), form));
  }

  private static String tokenResponse(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw new AssertionError("Token request failed: " + r.statusCode() + " " + r.body());
    }
    try {
      JsonNode body = JSON.readTree(r.body());
      return body.path("access_token").asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String queryParam(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("No " + name + " in " + uri);
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
    String origin = origin(request.uri());
    Map<String, String> jar = cookies.computeIfAbsent(origin, o -> new LinkedHashMap<>());
    if (!jar.isEmpty()) {
      String header =
          jar.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; "));
      request =
          HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", header).build();
    }
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        setCookieHeaders.add(setCookie);
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        boolean expired = value.isEmpty() || setCookie.toLowerCase().contains("max-age=0");
        if (expired) {
          jar.remove(name);
        } else {
          jar.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
  }

  static String formBody(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String randomUrlSafe(int bytes) {
    byte[] b = new byte[bytes];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String s256(String verifier) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
