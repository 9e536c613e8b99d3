package dev.marquee.render.engine;

/** A template or render request that cannot be rendered, with a message naming the field. */
public class InvalidRenderSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRenderSpecException(String message) {
    super(message);
  }
}
