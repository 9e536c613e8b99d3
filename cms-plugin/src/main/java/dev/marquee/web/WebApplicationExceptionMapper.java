package dev.marquee.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marquee.errors.FieldError;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    Problem unreadableParameter = unreadableParameter(e);
    if (unreadableParameter != null) {
      return ProblemResponses.of(unreadableParameter.at(RequestPaths.of(uriInfo)));
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
      case 401 -> Problem.unauthenticated();
      case 403 -> Problem.forbidden("Your roles do not allow this operation.");
      case 404 -> Problem.notFound("No resource at this address.");
      case 405 ->
          Problem.of(405, "method-not-allowed", "Method not allowed", "See the Allow header.");
      case 406 ->
          Problem.of(
              406, "not-acceptable", "Not acceptable", "Marquee answers application/json here.");
      case 413 -> Problem.payloadTooLarge("The request body is too large.");
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

  /**
   * JAX-RS answers a query or path parameter it cannot convert ({@code ?limit=abc}, an unknown
   * enum, a malformed UUID) with 404 or 400 carrying the conversion failure as the cause; that is
   * the client's input error, so it becomes a 400 naming the parameter.
   */
  private static Problem unreadableParameter(WebApplicationException e) {
    if (!(e instanceof NotFoundException || e instanceof BadRequestException)
        || e.getCause() == null
        || e instanceof HttpProblemException) {
      return null;
    }
    Matcher m = PARAMETER.matcher(String.valueOf(e.getMessage()));
    if (!m.find()) {
      return null;
    }
    String name = m.group(2);
    String message = "has an invalid value for its type (see docs/openapi.yaml)";
    return Problem.validation(name + ": " + message, List.of(new FieldError(name, message)));
  }

  private static final Pattern PARAMETER =
      Pattern.compile(
          "(QueryParam|PathParam|HeaderParam|FormParam|CookieParam|MatrixParam)\\(\"([^\"]+)\"\\)");

  private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
