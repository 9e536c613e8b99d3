package dev.marquee.web;

import jakarta.ws.rs.WebApplicationException;

/** An HTTP-level failure that already knows the problem it answers with (413, 428, 401…). */
public class HttpProblemException extends WebApplicationException {
  private final transient Problem problem;

  public HttpProblemException(Problem problem) {
    super(problem.detail(), problem.status());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /** 413: the body is over the limit that applies to this operation. */
  public static HttpProblemException payloadTooLarge(long limitBytes) {
    return new HttpProblemException(
        Problem.payloadTooLarge(
            "The request body exceeds this operation's limit of " + limitBytes + " bytes."));
  }

  /** 428: an update was sent without If-Match. */
  public static HttpProblemException preconditionRequired() {
    return new HttpProblemException(
        Problem.of(
            428,
            "precondition-required",
            "Precondition required",
            "Send If-Match with the ETag you last read, so that concurrent edits are not lost."));
  }
}
