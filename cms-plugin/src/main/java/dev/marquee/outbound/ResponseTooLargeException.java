package dev.marquee.outbound;

import java.io.IOException;

/** A remote response exceeded the size limit; reading stopped there. */
public class ResponseTooLargeException extends IOException {
  public ResponseTooLargeException(long limit) {
    super("response body exceeds " + limit + " bytes");
  }
}
