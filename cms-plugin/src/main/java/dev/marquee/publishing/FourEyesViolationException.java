package dev.marquee.publishing;

/**
 * The proposer of a promotion tried to approve it; a second person must (403 {@code four-eyes}). A
 * rule about the person, not the promotion's state, hence not a 409.
 */
public class FourEyesViolationException extends RuntimeException {
  public FourEyesViolationException(String message) {
    super(message);
  }
}
