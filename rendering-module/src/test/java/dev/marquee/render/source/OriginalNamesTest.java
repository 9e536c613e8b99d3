package dev.marquee.render.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginalNamesTest {
  @Test
  void keepsOnlyTheLastPathSegment() {
    assertThat(OriginalNames.clean("../../etc/still.gif")).isEqualTo("still.gif");
    assertThat(OriginalNames.clean("C:\\Users\\a\\key art.jpg")).isEqualTo("key art.jpg");
  }

  @Test
  void dropsControlAndFormatCharacters() {
    assertThat(OriginalNames.clean("evil\u0000\r\nname\u202Egpj.png")).isEqualTo("evilnamegpj.png");
  }

  @Test
  void nothingDisplayableMeansNoName() {
    assertThat(OriginalNames.clean(null)).isNull();
    assertThat(OriginalNames.clean("dir/")).isNull();
    assertThat(OriginalNames.clean(" \t ")).isNull();
  }

  @Test
  void capsTheLengthWithoutSplittingASurrogatePair() {
    String name = "a".repeat(254) + "\uD83C\uDFAC.png";
    String cleaned = OriginalNames.clean(name);
    assertThat(cleaned).hasSize(254);
    assertThat(OriginalNames.clean("b".repeat(300))).hasSize(OriginalNames.MAX_LENGTH);
  }
}
