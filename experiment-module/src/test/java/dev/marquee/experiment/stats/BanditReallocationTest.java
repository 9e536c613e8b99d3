package dev.marquee.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BanditReallocationTest {
  private static final List<BinomialCounts> COUNTS =
      List.of(
          new BinomialCounts(1000, 100),
          new BinomialCounts(1000, 120),
          new BinomialCounts(1000, 90));

  @Test
  void sameCountsAndSeedGiveTheSameWeights() {
    BanditReallocation bandit = new BanditReallocation(0.05, 100, false, 10_000);
    double[] first = bandit.weights(COUNTS, 42).orElseThrow().weights();
    double[] again = bandit.weights(COUNTS, 42).orElseThrow().weights();
    assertThat(again).containsExactly(first);
    // Beta(1 + s, 1 + f) posteriors, i.e. the arms of ThompsonSamplingTest: P(best) by SciPy
    // quadrature 0.0747 / 0.9147 / 0.0106, so the weights are 0.05 + 0.85 * P(best) within MC error
    assertThat(first)
        .containsExactly(
            new double[] {
              0.05 + 0.85 * 0.07474923212880816,
              0.05 + 0.85 * 0.9146879385230969,
              0.05 + 0.85 * 0.010562829348095293
            },
            within(0.85 * 4 * 0.5 / Math.sqrt(10_000)));
    assertThat(first[0] + first[1] + first[2]).isCloseTo(1, within(1e-12));
  }

  @Test
  void waitsForTheMinimumSampleOfEveryArm() {
    BanditReallocation bandit = new BanditReallocation(0.05, 1001, false, 1_000);
    assertThat(bandit.weights(COUNTS, 1)).isEmpty();
    assertThat(new BanditReallocation(0.05, 1000, false, 1_000).weights(COUNTS, 1)).isPresent();
  }

  @Test
  void floorHoldsEvenForAHopelessArm() {
    List<BinomialCounts> lopsided =
        List.of(new BinomialCounts(5000, 50), new BinomialCounts(5000, 500));
    double[] w =
        new BanditReallocation(0.1, 0, true, 5_000).weights(lopsided, 7).orElseThrow().weights();
    assertThat(w[0]).isCloseTo(0.1, within(1e-12));
    assertThat(w[1]).isCloseTo(0.9, within(1e-12));
  }
}
