package dev.marquee.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsrfFilterTest {
  @Test
  void originMustNameTheHostTheRequestWentTo() {
    assertThat(CsrfFilter.sameOrigin("http://localhost:8080", "localhost:8080")).isTrue();
    assertThat(CsrfFilter.sameOrigin("https://Marquee.example.com", "marquee.example.com"))
        .isTrue();
    assertThat(CsrfFilter.sameOrigin("https://marquee.example.com:443", "marquee.example.com"))
        .isTrue();
    assertThat(CsrfFilter.sameOrigin("https://evil.example", "marquee.example.com")).isFalse();
    assertThat(CsrfFilter.sameOrigin("http://localhost:8081", "localhost:8080")).isFalse();
    assertThat(
            CsrfFilter.sameOrigin(
                "https://marquee.example.com.evil.example", "marquee.example.com"))
        .isFalse();
    assertThat(CsrfFilter.sameOrigin("null", "localhost:8080")).isFalse();
    assertThat(CsrfFilter.sameOrigin("not a uri", "localhost:8080")).isFalse();
    assertThat(CsrfFilter.sameOrigin("http://localhost:8080", null)).isFalse();
  }
}
