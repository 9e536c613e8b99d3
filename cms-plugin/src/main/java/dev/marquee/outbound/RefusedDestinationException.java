package dev.marquee.outbound;

import java.io.IOException;

/** Marquee will not connect to this URL: its scheme, form or resolved address is not allowed. */
public class RefusedDestinationException extends IOException {
  public RefusedDestinationException(String message) {
    super(message);
  }
}
