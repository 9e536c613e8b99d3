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

  /** A validation problem listing the offending fields. */
  public static Problem validation(String detail, List<FieldError> errors) {
    return new Problem(
        TYPE_BASE + "validation", "Invalid request", 400, detail, null, List.copyOf(errors));
  }

  /** The same problem, tied to the request path it answers. */
  public Problem at(String requestPath) {
    return new Problem(type, title, status, detail, requestPath, errors);
  }
}
