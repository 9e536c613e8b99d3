package dev.marquee.render.source.web;

import dev.marquee.render.engine.ImageRejectedException;
import dev.marquee.render.engine.RejectionReason;
import dev.marquee.web.Problem;
import dev.marquee.web.ProblemResponses;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * A refused image answers a problem whose type names the reason ({@code image-truncated}…) and
 * whose detail ends with the reason's stable code: 413 for too many bytes, 415 for a format that is
 * not accepted, 400 otherwise.
 */
@Provider
public class ImageRejectedExceptionMapper implements ExceptionMapper<ImageRejectedException> {
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ImageRejectedException e) {
    return ProblemResponses.of(
        problem(e.reason(), e.getMessage()).at(uriInfo.getRequestUri().getRawPath()));
  }

  static Problem problem(RejectionReason reason, String message) {
    return Problem.of(
        status(reason),
        "image-" + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        "Image rejected",
        message + " (" + reason.code() + ")");
  }

  static int status(RejectionReason reason) {
    return switch (reason) {
      case TOO_MANY_BYTES -> 413;
      case UNSUPPORTED_FORMAT -> 415;
      default -> 400;
    };
  }
}
