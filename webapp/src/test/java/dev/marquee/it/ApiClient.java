package dev.marquee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small black-box HTTP client for integration tests: real requests, real headers. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final URI base;
  private final String authorization;

  private ApiClient(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /** A client without credentials. */
  public static ApiClient anonymous(URL base) {
    try {
      return new ApiClient(base.toURI(), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The same client authenticated as one of {@link TestAccounts}' users. */
  public ApiClient as(String user) {
    return withBasic(user, TestAccounts.PASSWORD);
  }

  public ApiClient withBasic(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ApiClient(base, "Basic " + token);
  }

  /** The same client with an OAuth bearer token (single sign-on mode). */
  public ApiClient withBearer(String token) {
    return withAuthorization("Bearer " + token);
  }

  /** The same client sending this Authorization header as is (also malformed ones). */
  public ApiClient withAuthorization(String header) {
    return new ApiClient(base, header);
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply postJson(String path, Object body) {
    return send(request(path).header("Content-Type", "application/json").POST(jsonBody(body)));
  }

  public Reply putJson(String path, Object body, String ifMatch) {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json");
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return send(b.PUT(jsonBody(body)));
  }

  /** POSTs raw bytes, e.g. an image upload. */
  public Reply postBytes(String path, String contentType, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.BodyPublisher jsonBody(Object body) {
    try {
      byte[] bytes =
          body instanceof String s
              ? s.getBytes(StandardCharsets.UTF_8)
              : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
      return HttpRequest.BodyPublishers.ofByteArray(bytes);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A response with its body parsed as JSON when it is JSON. */
  public static final class Reply {
    private final HttpResponse<byte[]> response;

    Reply(HttpResponse<byte[]> response) {
      this.response = response;
    }

    public int status() {
      return response.statusCode();
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    public byte[] bytes() {
      return response.body();
    }

    public String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status() + "): " + text(), e);
      }
    }

    @Override
    public String toString() {
      return status() + " " + contentType() + " " + text();
    }
  }
}
