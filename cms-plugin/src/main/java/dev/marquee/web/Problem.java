package dev.marquee.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.marquee.errors.FieldError;
import java.util.List;

/**
 * An RFC 9457 problem detail as Marquee writes it. The {@code type} URIs are stable identifiers
 * documented in docs/openapi.yaml; clients switch on them, people read {@code title} and {@code
 * detail}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  /** The media type of every error body Marquee writes. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final String TYPE_BASE = "https://marquee.dev/problems/";

  /** A problem of the given slug (e.g. {@code validation}) without field errors. */
  public static Problem of(int status, String slug, String title, String detail) {
    return new Problem(TYPE_BASE + slug, title, status, detail, null, List.of());
  }

  /** 401: no or invalid credentials. */
  public static Problem unauthenticated() {
    return of(401, "unauthenticated", "Authentication required", "Sign in or send a token.");
  }

  /**
   * 401 on the delivery API: whatever was wrong with the key (missing, malformed, unknown, revoked,
   * expired, app disabled), the answer is this same problem, so it reveals nothing about keys.
   */
  public static Problem invalidApiKey() {
    return of(
        401,
        "invalid-api-key",
        "Invalid API key",
        "Send a valid delivery API key as 'Authorization: ApiKey <key>' or 'X-Api-Key: <key>'.");
  }

  /** 429: a delivery app exceeded its rate limit. */
  public static Problem rateLimited(String detail) {
    return of(429, "rate-limited", "Too many requests", detail);
  }

  /** 403: a CORS preflight from an origin no delivery app allows. */
  public static Problem originNotAllowed(String detail) {
    return of(403, "origin-not-allowed", "Origin not allowed", detail);
  }

  /** 403: authenticated, but no role that may call the operation. */
  public static Problem forbidden(String detail) {
    return of(403, "forbidden", "Forbidden", detail);
  }

  /** 404. */
  public static Problem notFound(String detail) {
    return of(404, "not-found", "Not found", detail);
  }

  /** 409: the request contradicts the current state. */
  public static Problem conflict(String detail) {
    return of(409, "conflict", "Conflict", detail);
  }

  /** 412: If-Match does not name the current version. */
  public static Problem staleVersion(String detail) {
    return of(412, "stale-version", "Precondition failed", detail);
  }

  /** 413: the body exceeds the operation's limit. */
  public static Problem payloadTooLarge(String detail) {
    return of(413, "payload-too-large", "Payload too large", detail);
  }

  /** A validation problem listing the offending fields. */
  public static Problem validation(String detail, List<FieldError> errors) {
    return new Problem(
        TYPE_BASE + "validation", "Invalid request", 400, detail, null, List.copyOf(errors));
  }

  /** The problem document as UTF-8 JSON, for code that writes responses outside JAX-RS. */
  public byte[] toJson() {
    try {
      return JsonMapperProvider.mapper().writeValueAsBytes(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A problem document is always serialisable", e);
    }
  }

  /** The same problem, tied to the request path it answers. */
  public Problem at(String requestPath) {
    return new Problem(type, title, status, detail, requestPath, errors);
  }
}
