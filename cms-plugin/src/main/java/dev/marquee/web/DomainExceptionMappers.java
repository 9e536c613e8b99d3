package dev.marquee.web;

import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps the domain's failures ({@link dev.marquee.errors}) to problem responses. */
public final class DomainExceptionMappers {
  private DomainExceptionMappers() {}

  /** 400: the input breaks documented rules; the body lists every offending field. */
  @Provider
  public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(InvalidInputException e) {
      return ProblemResponses.of(
          Problem.validation(e.getMessage(), e.errors()).at(RequestPaths.of(uriInfo)));
    }
  }

  /** 404. */
  @Provider
  public static class NotFound implements ExceptionMapper<ResourceNotFoundException> {
    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(ResourceNotFoundException e) {
      return ProblemResponses.of(Problem.notFound(e.getMessage()).at(RequestPaths.of(uriInfo)));
    }
  }

  /** 409: duplicate keys, invalid state transitions, references that block a delete. */
  @Provider
  public static class Conflict implements ExceptionMapper<ResourceConflictException> {
    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(ResourceConflictException e) {
      return ProblemResponses.of(Problem.conflict(e.getMessage()).at(RequestPaths.of(uriInfo)));
    }
  }

  /** 412: the If-Match version is stale; the current ETag tells the client what to re-read. */
  @Provider
  public static class StaleVersion implements ExceptionMapper<StaleVersionException> {
    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(StaleVersionException e) {
      Problem problem = Problem.staleVersion(e.getMessage()).at(RequestPaths.of(uriInfo));
      return Response.fromResponse(ProblemResponses.of(problem))
          .tag(new EntityTag(Long.toString(e.currentVersion())))
          .build();
    }
  }

  /** 428: a change to an existing resource came without If-Match. */
  @Provider
  public static class PreconditionRequired
      implements ExceptionMapper<dev.marquee.errors.PreconditionRequiredException> {
    @Context UriInfo uriInfo;

    @Override
    public Response toResponse(dev.marquee.errors.PreconditionRequiredException e) {
      return ProblemResponses.of(
          Problem.of(428, "precondition-required", "Precondition required", e.getMessage())
              .at(RequestPaths.of(uriInfo)));
    }
  }
}
