package dev.marquee.experiment.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedResponseTest {
  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theEtagIsAQuotedFunctionOfTheBytes() {
    String etag = FeedResponse.etag(bytes("{\"items\":[]}"));

    assertThat(etag).matches("\"[A-Za-z0-9_-]{16}\"");
    assertThat(FeedResponse.etag(bytes("{\"items\":[]}"))).isEqualTo(etag);
    assertThat(FeedResponse.etag(bytes("{\"items\":[1]}"))).isNotEqualTo(etag);
    // same length, one bit apart
    assertThat(FeedResponse.etag(bytes("{\"items\":[a]}")))
        .isNotEqualTo(FeedResponse.etag(bytes("{\"items\":[c]}")));
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
