package dev.marquee.experiment.stats;

import static dev.marquee.experiment.stats.Close.relative;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Reference: Deng, Knoblich and Lu 2018, checked against a NumPy computation. */
class DeltaMethodRatioTest {

  // 40 viewers generated with NumPy (heterogeneous per-viewer CTR, i.e. clustered clicks):
  // rng=np.random.default_rng(2018); D=1+rng.poisson(4,40); ctr=rng.beta(1,6,40);
  // M=rng.binomial(D,ctr)
  private static final int[] CLICKS = {
    0, 3, 2, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 3, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 2, 0,
    3, 0, 0, 0, 1, 2, 1, 2
  };
  private static final int[] IMPRESSIONS = {
    5, 6, 5, 4, 6, 5, 7, 6, 5, 5, 4, 5, 5, 4, 5, 5, 8, 8, 2, 3, 4, 3, 3, 5, 6, 6, 3, 8, 5, 4, 11, 7,
    8, 3, 6, 6, 4, 7, 11, 4
  };

  private static RatioSums sums(int[] m, int[] d) {
    RatioSums s = RatioSums.EMPTY;
    for (int i = 0; i < m.length; i++) {
      s = s.plus(m[i], d[i]);
    }
    return s;
  }

  @Test
  void ratioAndDeltaVarianceMatchNumpy() {
    // R=M.mean()/D.mean(); C=np.cov(M,D);
    // var=(C[0,0]-2*R*C[0,1]+R*R*C[1,1])/(n*D.mean()**2); naive=R*(1-R)/D.sum()
    RatioEstimate e = DeltaMethodRatio.estimate(sums(CLICKS, IMPRESSIONS));
    relative(e.ratio(), 0.11981566820276499, 1e-13);
    relative(e.variance(), 0.0007805565063402045, 1e-10);
    relative(e.naiveBinomialVariance(), 0.00048599020210087515, 1e-12);
    // Clustered clicks: impressions are not independent, the naive variance is too small.
    assertThat(e.naiveBinomialVariance()).isLessThan(e.variance());
  }

  @Test
  void naiveVarianceUnderstatesTheTrueSpreadOnClusteredDataWhileDeltaMethodDoesNot() {
    // Seeded simulation: 200 replications of 2,000 viewers whose CTR varies by viewer.
    SplittableRandom random = new SplittableRandom(42);
    int replications = 200;
    double[] ratios = new double[replications];
    double meanDelta = 0;
    double meanNaive = 0;
    for (int rep = 0; rep < replications; rep++) {
      RatioSums s = RatioSums.EMPTY;
      for (int v = 0; v < 2_000; v++) {
        int impressions = 1 + random.nextInt(10);
        double ctr = random.nextDouble() < 0.2 ? 0.4 : 0.02; // a few heavy clickers
        int clicks = 0;
        for (int i = 0; i < impressions; i++) {
          clicks += random.nextDouble() < ctr ? 1 : 0;
        }
        s = s.plus(clicks, impressions);
      }
      RatioEstimate e = DeltaMethodRatio.estimate(s);
      ratios[rep] = e.ratio();
      meanDelta += e.variance() / replications;
      meanNaive += e.naiveBinomialVariance() / replications;
    }
    double mean = java.util.Arrays.stream(ratios).average().orElseThrow();
    double empirical =
        java.util.Arrays.stream(ratios).map(r -> (r - mean) * (r - mean)).sum()
            / (replications - 1);
    assertThat(meanNaive).isLessThan(0.8 * meanDelta);
    // delta method tracks the empirical variance (sampling error of a 200-rep variance ~10 %)
    assertThat(meanDelta / empirical).isBetween(0.75, 1.3);
    assertThat(meanNaive / empirical).isLessThan(0.8);
  }

  @Test
  void comparingTwoArmsUsesBothDeltaVariances() {
    RatioSums control = sums(CLICKS, IMPRESSIONS);
    DeltaMethodRatio.Comparison same = DeltaMethodRatio.compare(control, control, 0.95);
    assertThat(same.difference()).isZero();
    assertThat(same.pValue()).isEqualTo(1.0);
    // half-width = 1.96 * sqrt(2 * var) with var from NumPy above
    relative(
        same.interval().upper(), 1.959963984540054 * Math.sqrt(2 * 0.0007805565063402045), 1e-9);
  }
}
