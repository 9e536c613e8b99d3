package dev.marquee.experiment.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedResponseTest {
  /** The ETag of the text, read from a longer buffer as a written body is. */
  static String etag(String s) {
    byte[] text = s.getBytes(StandardCharsets.UTF_8);
    byte[] buffer = java.util.Arrays.copyOf(text, text.length + 64);
    buffer[text.length] = 'x'; // bytes past the length must not count
    return FeedResponse.etag(buffer, text.length);
  }

  @Test
  void theEtagIsAQuotedFunctionOfTheBytes() {
    String etag = etag("{\"items\":[]}");

    assertThat(etag).matches("\"[A-Za-z0-9_-]{16}\"");
    byte[] exact = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThat(FeedResponse.etag(exact, exact.length))
        .as("only the body's length counts")
        .isEqualTo(etag);
    assertThat(etag("{\"items\":[]}")).isEqualTo(etag);
    assertThat(etag("{\"items\":[1]}")).isNotEqualTo(etag);
    // same length, one bit apart
    assertThat(etag("{\"items\":[a]}")).isNotEqualTo(etag("{\"items\":[c]}"));
  }

  @Test
  void ifNoneMatchUsesTheWeakComparison() {
    String etag = "\"abc\"";

    assertThat(FeedResponse.matches("\"abc\"", etag)).isTrue();
    assertThat(FeedResponse.matches("W/\"abc\"", etag)).isTrue();
    assertThat(FeedResponse.matches("\"x\", W/\"abc\"", etag)).isTrue();
    assertThat(FeedResponse.matches("*", etag)).isTrue();
    assertThat(FeedResponse.matches("\"abcd\"", etag)).isFalse();
    assertThat(FeedResponse.matches("abc", etag)).isFalse();
  }
}
