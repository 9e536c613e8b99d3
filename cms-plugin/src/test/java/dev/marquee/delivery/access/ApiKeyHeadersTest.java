package dev.marquee.delivery.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyHeadersTest {
  static final String KEY = "mqk_0123456789abcdef_" + "a".repeat(43);

  @Test
  void readsEitherHeaderStyle() {
    assertThat(ApiKeyHeaders.candidate(List.of("ApiKey " + KEY), null)).isEqualTo(KEY);
    assertThat(ApiKeyHeaders.candidate(List.of("apikey   " + KEY + " "), List.of())).isEqualTo(KEY);
    assertThat(ApiKeyHeaders.candidate(null, List.of(" " + KEY))).isEqualTo(KEY);
    assertThat(ApiKeyHeaders.candidate(List.of("ApiKey " + KEY), List.of(KEY))).isEqualTo(KEY);
  }

  @Test
  void missingAmbiguousForeignOrOversizedHeadersGiveNoKey() {
    assertThat(ApiKeyHeaders.candidate(null, null)).isNull();
    assertThat(ApiKeyHeaders.candidate(List.of(), List.of())).isNull();
    assertThat(ApiKeyHeaders.candidate(List.of("ApiKey "), null)).as("empty").isNull();
    assertThat(ApiKeyHeaders.candidate(null, List.of(""))).as("empty").isNull();
    assertThat(ApiKeyHeaders.candidate(List.of(KEY), null)).as("no scheme").isNull();
    assertThat(ApiKeyHeaders.candidate(List.of("Bearer " + KEY), null)).isNull();
    assertThat(ApiKeyHeaders.candidate(List.of("Basic dXNlcjpwdw=="), List.of(KEY)))
        .as("another scheme next to X-Api-Key")
        .isNull();
    assertThat(ApiKeyHeaders.candidate(null, List.of(KEY, KEY))).as("repeated").isNull();
    assertThat(ApiKeyHeaders.candidate(List.of("ApiKey " + KEY), List.of(KEY + "x")))
        .as("two different keys")
        .isNull();
    assertThat(ApiKeyHeaders.candidate(null, List.of("a".repeat(10_240)))).as("10 KB").isNull();
    assertThat(ApiKeyHeaders.candidate(List.of("ApiKey " + "é".repeat(10_000)), null)).isNull();
  }
}
