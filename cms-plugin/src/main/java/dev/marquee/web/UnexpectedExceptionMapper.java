package dev.marquee.web;

import dev.marquee.database.ConcurrencyFailures;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a defect answers 500 with an incident id that operators find in the log, and never
 * with a stack trace or an exception message that might carry internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uriInfo;

  /**
   * A concurrent request won a race this one lost at commit time: a database unique key (SQL state
   * class 23, e.g. two creates of one external id) is a 409, a JPA optimistic-lock failure (two
   * updates of one version) a 412. Both are the client's to retry, not defects.
   */
  static Problem concurrentChange(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof jakarta.persistence.OptimisticLockException) {
        return Problem.staleVersion(
            "Someone else changed this resource at the same time; read it again and retry.");
      }
    }
    if (ConcurrencyFailures.constraintViolation(e)) {
      return Problem.conflict(
          "A concurrent change created the same resource or broke a reference; read and retry.");
    }
    return null;
  }

  /** Seconds a client should wait before retrying after lock contention. */
  static final String CONTENTION_RETRY_AFTER_SECONDS = "1";

  @Override
  public Response toResponse(Throwable e) {
    Problem concurrent = concurrentChange(e);
    if (concurrent != null) {
      return ProblemResponses.of(concurrent.at(RequestPaths.of(uriInfo)));
    }
    if (ConcurrencyFailures.lockContention(e)) {
      LOG.log(Level.FINE, "Lock contention, answered 503", e);
      return Response.fromResponse(
              ProblemResponses.of(
                  Problem.of(
                          503,
                          "busy",
                          "Busy",
                          "Concurrent requests held the rows this one needed; nothing was"
                              + " changed. Send it again (event batches are idempotent).")
                      .at(RequestPaths.of(uriInfo))))
          .header("Retry-After", CONTENTION_RETRY_AFTER_SECONDS)
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
    return ProblemResponses.of(
        Problem.of(
                500,
                "internal",
                "Internal error",
                "Marquee failed unexpectedly; operators can find incident "
                    + incident
                    + " in the log.")
            .at(RequestPaths.of(uriInfo)));
  }
}
