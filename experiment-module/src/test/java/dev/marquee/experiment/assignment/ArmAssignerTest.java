package dev.marquee.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArmAssignerTest {

  @Test
  void agreesWithReferenceHashAndBucketingOnRandomIdsIncludingNonAscii() {
    double[] weights = {0.2, 0.3, 0.5};
    ArmAssigner assigner = new ArmAssigner("exp-42", 3, 0.8, weights);
    var ranges = BucketRanges.of(3, 0.8, weights);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder id = new StringBuilder("v-");
      int len = 1 + random.nextInt(12);
      for (int j = 0; j < len; j++) {
        // mostly ASCII, some Latin-1, CJK and astral (surrogate pair) characters
        int kind = random.nextInt(10);
        int cp =
            kind < 7
                ? 'a' + random.nextInt(26)
                : kind == 7 ? 0xC0 + random.nextInt(64) : kind == 8 ? 0x65E5 : 0x1F600;
        id.appendCodePoint(cp);
      }
      String viewer = id.toString();
      int expected = BucketRanges.chooseVariation(GrowthBookHash.hash("exp-42", viewer, 2), ranges);
      assertThat(assigner.assign(viewer)).as(viewer).isEqualTo(expected);
    }
  }

  @Test
  void knownViewerLandsWherePythonSaysAndEmptyIdIsNotEnrolled() {
    // gbhash("seed", "a", 2) = 0.0505 (GrowthBook cases.json) -> first of two equal arms
    ArmAssigner assigner = new ArmAssigner("seed", 2, 1, null);
    assertThat(assigner.assign("a")).isZero();
    // gbhash("seed", "b", 2) = 0.2696 -> arm 0; with coverage 0.5 ranges are [0,.25) [.5,.75)
    assertThat(new ArmAssigner("seed", 2, 0.5, null).assign("b")).isEqualTo(-1);
    assertThat(assigner.assign("")).isEqualTo(ArmAssigner.NOT_ENROLLED);
    assertThat(assigner.assign(null)).isEqualTo(ArmAssigner.NOT_ENROLLED);
  }

  @Test
  void trafficSplitFollowsWeights() {
    ArmAssigner assigner = new ArmAssigner("split", 2, 1, new double[] {0.25, 0.75});
    int[] counts = new int[2];
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      counts[assigner.assign("viewer-" + i)]++;
    }
    // binomial sd = sqrt(0.25*0.75/200000) ~ 0.001; v2 has 1e-4 resolution
    assertThat(counts[0] / (double) n).isCloseTo(0.25, within(0.005));
  }
}
