package dev.marquee.experiment.feed.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A written answer, held in the buffer it was written to: the servlet sends it from there, so a 25
 * KB answer is not copied once more per request just to get an array of the exact length.
 */
final class JsonBody {
  private final byte[] buffer;
  private final int length;

  private JsonBody(byte[] buffer, int length) {
    this.buffer = buffer;
    this.length = length;
  }

  /** A stream whose bytes become a body without a copy. */
  static final class Buffer extends ByteArrayOutputStream {
    Buffer(int initialSize) {
      super(initialSize);
    }

    JsonBody body() {
      return new JsonBody(buf, count);
    }
  }

  int length() {
    return length;
  }

  /** The bytes and the length to read of them (the array may be longer). */
  byte[] buffer() {
    return buffer;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buffer, 0, length);
  }

  /** A copy of exactly the body's bytes, for APIs that take an array. */
  byte[] toByteArray() {
    return Arrays.copyOf(buffer, length);
  }
}
