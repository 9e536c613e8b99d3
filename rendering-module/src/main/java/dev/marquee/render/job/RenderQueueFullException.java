package dev.marquee.render.job;

/** The render queue has no room; nothing was created. The client should retry later. */
public class RenderQueueFullException extends RuntimeException {
  private final int retryAfterSeconds;

  public RenderQueueFullException(String message, int retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
