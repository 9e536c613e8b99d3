package dev.marquee.render.template.web;

import dev.marquee.errors.FieldError;
import dev.marquee.render.engine.InvalidRenderSpecException;
import dev.marquee.web.Problem;
import dev.marquee.web.ProblemResponses;
import dev.marquee.web.RequestPaths;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * 400 when the engine refuses a template or render request that validation let through: the
 * engine's own invariants are the last word, and a refusal is the client's input, not a crash.
 */
@Provider
public class RenderSpecExceptionMapper implements ExceptionMapper<InvalidRenderSpecException> {
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(InvalidRenderSpecException e) {
    return ProblemResponses.of(
        Problem.validation(e.getMessage(), List.of(new FieldError("definition", e.getMessage())))
            .at(RequestPaths.of(uriInfo)));
  }
}
