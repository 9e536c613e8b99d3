package dev.marquee.publishing.web;

import dev.marquee.publishing.FourEyesViolationException;
import dev.marquee.web.Problem;
import dev.marquee.web.ProblemResponses;
import dev.marquee.web.RequestPaths;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 403 {@code four-eyes}: the proposer of a promotion tried to approve it. */
@Provider
public class FourEyesMapper implements ExceptionMapper<FourEyesViolationException> {
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(FourEyesViolationException e) {
    return ProblemResponses.of(
        Problem.of(403, "four-eyes", "Second person required", e.getMessage())
            .at(RequestPaths.of(uriInfo)));
  }
}
