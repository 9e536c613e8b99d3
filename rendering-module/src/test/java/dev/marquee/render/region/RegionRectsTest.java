package dev.marquee.render.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.render.engine.NormalizedRect;
import org.junit.jupiter.api.Test;

class RegionRectsTest {
  @Test
  void acceptsRectanglesInsideTheImageUpToItsEdges() {
    assertThat(RegionRects.of("rect", 0.0, 0.0, 1.0, 1.0)).isEqualTo(NormalizedRect.full());
    assertThat(RegionRects.of("rect", 0.7, 0.1, 0.3, 0.2).x()).isEqualTo(0.7);
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point: still inside.
    assertThat(RegionRects.of("rect", 0.8, 0.1, 0.2, 0.9).height()).isEqualTo(0.9);
  }

  @Test
  void namesEveryBrokenField() {
    assertThatThrownBy(() -> RegionRects.of("rect", -0.1, null, 0.0, Double.NaN))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("rect.x", "rect.y", "rect.width", "rect.height"));
  }

  @Test
  void aRegionMustNotStickOutOfTheImage() {
    assertThatThrownBy(() -> RegionRects.of("rect", 0.6, 0.0, 0.5, 0.5))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors()).extracting(FieldError::field).containsExactly("rect.width");
              assertThat(e.errors().get(0).message()).contains("x + width");
            });
    assertThatThrownBy(() -> RegionRects.of("rect", 0.0, 0.9, 0.5, 0.2))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("rect.height"));
  }
}
