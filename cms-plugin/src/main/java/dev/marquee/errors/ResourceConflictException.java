package dev.marquee.errors;

/**
 * The request is well-formed but contradicts the current state, e.g. a duplicate external id or an
 * invalid state transition.
 */
public class ResourceConflictException extends RuntimeException {
  public ResourceConflictException(String message) {
    super(message);
  }
}
