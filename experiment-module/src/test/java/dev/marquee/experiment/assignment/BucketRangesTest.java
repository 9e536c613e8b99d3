package dev.marquee.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reference: GrowthBook cross-SDK cases.json, sections {@code getBucketRange} and {@code
 * chooseVariation}.
 */
class BucketRangesTest {

  private static void assertRanges(List<BucketRange> actual, double[]... expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual.get(i).start()).isCloseTo(expected[i][0], within(1e-9));
      assertThat(actual.get(i).end()).isCloseTo(expected[i][1], within(1e-9));
    }
  }

  private static double[] r(double start, double end) {
    return new double[] {start, end};
  }

  @Test
  void getBucketRangeCases() {
    assertRanges(BucketRanges.of(2, 1, null), r(0, 0.5), r(0.5, 1)); // normal 50/50
    assertRanges(BucketRanges.of(2, 0.5, null), r(0, 0.25), r(0.5, 0.75)); // reduced coverage
    assertRanges(BucketRanges.of(2, 0, null), r(0, 0), r(0.5, 0.5)); // zero coverage
    assertRanges(BucketRanges.of(4, 1, null), r(0, 0.25), r(0.25, 0.5), r(0.5, 0.75), r(0.75, 1));
    assertRanges(BucketRanges.of(2, 1, new double[] {0.4, 0.6}), r(0, 0.4), r(0.4, 1));
    assertRanges(
        BucketRanges.of(3, 1, new double[] {0.2, 0.3, 0.5}), r(0, 0.2), r(0.2, 0.5), r(0.5, 1));
    assertRanges(
        BucketRanges.of(3, 0.2, new double[] {0.2, 0.3, 0.5}),
        r(0, 0.04),
        r(0.2, 0.26),
        r(0.5, 0.6));
    assertRanges(BucketRanges.of(2, -0.2, null), r(0, 0), r(0.5, 0.5)); // negative coverage
    assertRanges(BucketRanges.of(2, 1.5, null), r(0, 0.5), r(0.5, 1)); // coverage above 1
    assertRanges(BucketRanges.of(2, 1, new double[] {0.4, 0.1}), r(0, 0.5), r(0.5, 1));
    assertRanges(BucketRanges.of(2, 1, new double[] {0.7, 0.6}), r(0, 0.5), r(0.5, 1));
    assertRanges(
        BucketRanges.of(4, 1, new double[] {0.4, 0.4, 0.2}),
        r(0, 0.25),
        r(0.25, 0.5),
        r(0.5, 0.75),
        r(0.75, 1));
    assertRanges(BucketRanges.of(2, 1, new double[] {0.4, 0.5999}), r(0, 0.4), r(0.4, 0.9999));
  }

  @Test
  void chooseVariationCases() {
    List<BucketRange> half = List.of(new BucketRange(0, 0.5), new BucketRange(0.5, 1));
    List<BucketRange> reduced = List.of(new BucketRange(0, 0.25), new BucketRange(0.5, 0.75));
    List<BucketRange> zero = List.of(new BucketRange(0, 0), new BucketRange(0.5, 0.5));
    List<BucketRange> four =
        List.of(
            new BucketRange(0, 0.25),
            new BucketRange(0.25, 0.5),
            new BucketRange(0.5, 0.75),
            new BucketRange(0.75, 1));
    assertThat(BucketRanges.chooseVariation(0.2, half)).isZero();
    assertThat(BucketRanges.chooseVariation(0.6, half)).isEqualTo(1);
    assertThat(BucketRanges.chooseVariation(0.2, reduced)).isZero();
    assertThat(BucketRanges.chooseVariation(0.6, reduced)).isEqualTo(1);
    assertThat(BucketRanges.chooseVariation(0.4, reduced)).isEqualTo(-1);
    assertThat(BucketRanges.chooseVariation(0.4, zero)).isEqualTo(-1);
    assertThat(BucketRanges.chooseVariation(0.5, zero)).isEqualTo(-1); // empty range [0.5, 0.5)
    assertThat(BucketRanges.chooseVariation(0.4, four)).isEqualTo(1);
    assertThat(BucketRanges.chooseVariation(0.25, four)).isEqualTo(1); // start is inclusive
    assertThat(BucketRanges.chooseVariation(0.5, four)).isEqualTo(2);
    assertThat(BucketRanges.chooseVariation(0.75, four)).isEqualTo(3);
  }
}
