package dev.marquee.web;

import jakarta.ws.rs.core.Response;

/** Turns a {@link Problem} into a JAX-RS response with the problem media type. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static Response of(Problem problem) {
    return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
  }
}
