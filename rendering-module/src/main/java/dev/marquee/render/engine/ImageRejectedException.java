package dev.marquee.render.engine;

/** A source image the engine refuses to process, with a reason code and a human message. */
public class ImageRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;

  public ImageRejectedException(RejectionReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ImageRejectedException(RejectionReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public RejectionReason reason() {
    return reason;
  }
}
