package dev.marquee.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagMatchTest {
  @Test
  void matchesTheTagInAListWildcardAndWeakForm() {
    assertThat(EntityTagMatch.noneMatchFails("\"abc\"", "abc")).isTrue();
    assertThat(EntityTagMatch.noneMatchFails("\"x\", \"abc\"", "abc")).isTrue();
    assertThat(EntityTagMatch.noneMatchFails("\"x\",\"abc\"", "abc")).isTrue();
    assertThat(EntityTagMatch.noneMatchFails("*", "abc")).isTrue();
    assertThat(EntityTagMatch.noneMatchFails("W/\"abc\"", "abc")).isTrue();
  }

  @Test
  void otherwiseTheBodyIsSent() {
    assertThat(EntityTagMatch.noneMatchFails(null, "abc")).isFalse();
    assertThat(EntityTagMatch.noneMatchFails("", "abc")).isFalse();
    assertThat(EntityTagMatch.noneMatchFails("abc", "abc")).as("unquoted").isFalse();
    assertThat(EntityTagMatch.noneMatchFails("\"abcd\"", "abc")).isFalse();
    assertThat(EntityTagMatch.noneMatchFails("\"", "abc")).isFalse();
  }
}
