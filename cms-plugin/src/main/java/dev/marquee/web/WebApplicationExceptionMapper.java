package dev.marquee.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives the runtime's own HTTP errors (404 for unknown paths, 405, 406, 415, 403 from role checks,
 * body-reading failures) the same problem shape as everything else, keeping their headers (e.g.
 * {@code Allow}) but never their implementation-specific messages.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException e) {
    JsonProcessingException json = causeOfType(e, JsonProcessingException.class);
    if (json != null) {
      return ProblemResponses.of(
          JsonMappingExceptionMapper.problemFor(json).at(RequestPaths.of(uriInfo)));
    }
    Response original = e.getResponse();
    int status = original == null ? 500 : original.getStatus();
    Problem problem = e instanceof HttpProblemException p ? p.problem() : standard(status);
    Response.ResponseBuilder builder =
        Response.status(status)
            .type(Problem.MEDIA_TYPE)
            .entity(problem.at(RequestPaths.of(uriInfo)));
    if (original != null) {
      for (String header : new String[] {"Allow", "Retry-After", "WWW-Authenticate", "ETag"}) {
        Object value = original.getHeaders().getFirst(header);
        if (value != null) {
          builder.header(header, value);
        }
      }
    }
    return builder.build();
  }

  static Problem standard(int status) {
    return switch (status) {
      case 400 -> Problem.of(400, "bad-request", "Bad request", "The request cannot be read.");
      case 401 ->
          Problem.of(401, "unauthenticated", "Authentication required", "Sign in or send a token.");
      case 403 ->
          Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this operation.");
      case 404 -> Problem.of(404, "not-found", "Not found", "No resource at this address.");
      case 405 ->
          Problem.of(405, "method-not-allowed", "Method not allowed", "See the Allow header.");
      case 406 ->
          Problem.of(
              406, "not-acceptable", "Not acceptable", "Marquee answers application/json here.");
      case 413 ->
          Problem.of(
              413, "payload-too-large", "Payload too large", "The request body is too large.");
      case 415 ->
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "This operation does not accept the request's Content-Type; see docs/openapi.yaml.");
      default ->
          Problem.of(
              status,
              "http-" + status,
              Response.Status.fromStatusCode(status) == null
                  ? "HTTP " + status
                  : Response.Status.fromStatusCode(status).getReasonPhrase(),
              null);
    };
  }

  private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
