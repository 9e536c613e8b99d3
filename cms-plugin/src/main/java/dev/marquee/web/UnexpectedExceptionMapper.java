package dev.marquee.web;

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

  @Override
  public Response toResponse(Throwable e) {
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
