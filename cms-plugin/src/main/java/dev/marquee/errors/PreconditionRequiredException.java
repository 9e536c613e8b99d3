package dev.marquee.errors;

/** A change to an existing resource arrived without the version it is based on (If-Match). */
public class PreconditionRequiredException extends RuntimeException {
  public PreconditionRequiredException(String message) {
    super(message);
  }
}
