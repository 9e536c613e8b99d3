package dev.marquee.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThompsonSamplingTest {

  private static final List<BetaPosterior> ARMS =
      List.of(new BetaPosterior(101, 901), new BetaPosterior(121, 881), new BetaPosterior(91, 911));
  // SciPy quadrature of P(best) for these arms (see BetaBinomialModelTest)
  private static final double[] P_BEST = {
    0.07474923212880816, 0.9146879385230969, 0.010562829348095293
  };

  @Test
  void betaSamplerHasTheRightMoments() {
    // stats.beta.mean(3, 9) = 0.25, stats.beta.var(3, 9) = 0.014423076923076924
    SplittableRandom random = new SplittableRandom(11);
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double x = BetaSampler.nextBeta(random, 3, 9);
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / n;
    double variance = sumSq / n - mean * mean;
    assertThat(mean).isCloseTo(0.25, within(5 * Math.sqrt(0.0144 / n))); // 5 MC sd
    assertThat(variance).isCloseTo(0.014423076923076924, within(3e-4));
    // shape < 1 goes through the boost: stats.gamma.mean(0.5) = 0.5
    double g = 0;
    for (int i = 0; i < n; i++) {
      g += BetaSampler.nextGamma(random, 0.5);
    }
    assertThat(g / n).isCloseTo(0.5, within(5 * Math.sqrt(0.5 / n)));
  }

  @Test
  void plainThompsonWeightsAreProbabilityBestWithFloor() {
    var settings = new ThompsonSampling.Settings(20_000, 0.05, false, 0.5);
    BanditAllocation allocation = ThompsonSampling.allocate(ARMS, settings, 99);
    // Monte Carlo tolerance: 4 sd of a proportion at 20,000 draws, sd <= 0.5/sqrt(20000) = 0.0035
    assertThat(allocation.probabilityBest()).containsExactly(P_BEST, within(0.014));
    for (int i = 0; i < 3; i++) {
      assertThat(allocation.weights()[i])
          .isCloseTo(0.05 + 0.85 * allocation.probabilityBest()[i], within(1e-15))
          .isGreaterThanOrEqualTo(0.05);
    }
    assertThat(allocation.weights()[0] + allocation.weights()[1] + allocation.weights()[2])
        .isCloseTo(1, within(1e-12));
    // same seed, same allocation
    assertThat(ThompsonSampling.allocate(ARMS, settings, 99).weights())
        .containsExactly(allocation.weights());
  }

  @Test
  void topTwoMatchesRussoFormula() {
    // a = P_BEST; psi_i = a_i*(b+(1-b)*sum(a_j/(1-a_j) for j != i)), b = 0.5, in NumPy:
    // [0.4384919858561607, 0.49917432843366016, 0.06233368571018156]
    assertThat(ThompsonSampling.topTwo(P_BEST, 0.5))
        .containsExactly(
            new double[] {0.4384919858561607, 0.49917432843366016, 0.06233368571018156},
            within(1e-14));
    // Top two gives the challenger (arm 0) far more than plain Thompson's 7.5 %.
    BanditAllocation allocation =
        ThompsonSampling.allocate(ARMS, new ThompsonSampling.Settings(20_000, 0.05, true, 0.5), 5);
    assertThat(allocation.weights()[0]).isGreaterThan(0.3);
  }
}
