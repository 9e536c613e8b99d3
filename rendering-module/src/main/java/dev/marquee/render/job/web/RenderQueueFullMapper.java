package dev.marquee.render.job.web;

import dev.marquee.render.job.RenderQueueFullException;
import dev.marquee.web.Problem;
import dev.marquee.web.ProblemResponses;
import dev.marquee.web.RequestPaths;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 with {@code Retry-After} when the render queue is full. */
@Provider
public class RenderQueueFullMapper implements ExceptionMapper<RenderQueueFullException> {
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(RenderQueueFullException e) {
    Problem problem =
        Problem.of(503, "render-queue-full", "Render queue full", e.getMessage())
            .at(RequestPaths.of(uriInfo));
    return Response.fromResponse(ProblemResponses.of(problem))
        .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
        .build();
  }
}
