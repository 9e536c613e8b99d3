package dev.marquee.experiment.stats;

import static dev.marquee.experiment.stats.Close.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * References: NumPy/SciPy 1.17.1 re-implementations of the textbook formulas, run as the script
 * quoted in each test (python3, {@code import numpy as np; from scipy import stats}).
 */
class FrequentistStatisticsTest {

  @ParameterizedTest(name = "Wilson {0}/{1} at {2}")
  @CsvSource({
    // Wilson 1927 score interval, as statsmodels proportion_confint(method="wilson"):
    // z=stats.norm.ppf(.5+conf/2); p=x/n; c=(p+z*z/(2*n))/(1+z*z/n);
    // h=z/(1+z*z/n)*np.sqrt(p*(1-p)/n+z*z/(4*n*n)); (c-h, c+h)
    "0, 10, 0.95, 0.0, 0.2775327998628892",
    "1, 10, 0.95, 0.017876213095072868, 0.4041500267952385",
    "45, 500, 0.95, 0.0679425478891394, 0.11830941128933344",
    "980, 1000, 0.95, 0.9693099947702822, 0.987016317083585",
    "1234, 98765, 0.95, 0.011820276045385936, 0.013206254815070394",
    "45, 500, 0.99, 0.06218211657683944, 0.12855661312642042",
  })
  void wilsonIntervalMatchesReference(
      long x, long n, double confidence, double lower, double upper) {
    Interval interval = WilsonInterval.of(new BinomialCounts(n, x), confidence);
    assertThat(interval.lower()).isCloseTo(lower, within(1e-12));
    assertThat(interval.upper()).isCloseTo(upper, within(1e-12));
  }

  @Test
  void twoProportionZTestMatchesReference() {
    // pp=(xc+xt)/(nc+nt); z=(pt-pc)/np.sqrt(pp*(1-pp)*(1/nc+1/nt)); p=2*stats.norm.sf(abs(z));
    // Wald: d±1.96*sqrt(vc+vt); relative: r=pt/pc-1 ± zc*np.sqrt(vt/pc**2+pt**2*vc/pc**4)
    ProportionComparison c =
        TwoProportionZTest.compare(
            new BinomialCounts(10000, 1000), new BinomialCounts(10000, 1100), 0.95);
    relative(c.z(), 2.3066347738170103, 1e-12);
    relative(c.pValue(), 0.021075189273797826, 1e-10);
    relative(c.absoluteUplift(), 0.01, 1e-12);
    relative(c.absoluteInterval().lower(), 0.001504059131512114, 1e-9);
    relative(c.absoluteInterval().upper(), 0.018495940868487874, 1e-9);
    relative(c.relativeUplift(), 0.1, 1e-12);
    relative(c.relativeInterval().lower(), 0.010870112525620937, 1e-9);
    relative(c.relativeInterval().upper(), 0.1891298874743788, 1e-9);

    ProportionComparison small =
        TwoProportionZTest.compare(new BinomialCounts(523, 31), new BinomialCounts(498, 44), 0.95);
    relative(small.z(), 1.7803133812773613, 1e-12);
    relative(small.pValue(), 0.07502468841359287, 1e-10);
    relative(small.absoluteInterval().lower(), -0.0030273645585219763, 1e-9);
    relative(small.absoluteInterval().upper(), 0.061187346743475944, 1e-9);
    relative(small.relativeUplift(), 0.49060759165695034, 1e-12);
    relative(small.relativeInterval().lower(), -0.16959038687131833, 1e-9);
    relative(small.relativeInterval().upper(), 1.1508055701852191, 1e-9);
  }

  @Test
  void zTestWithoutConversionsIsUninformativeNotNaN() {
    ProportionComparison c =
        TwoProportionZTest.compare(new BinomialCounts(100, 0), new BinomialCounts(100, 0), 0.95);
    assertThat(c.pValue()).isEqualTo(1);
    assertThat(c.relativeUplift()).isNaN();
  }

  @Test
  void holmMatchesHandComputation() {
    // adjusted_(k) = max_{j<=k} min(1, (m-j)*p_(j)), 0-based ranks, computed in Python:
    // holm([0.01,0.04,0.03,0.005]) = [0.03, 0.06, 0.06, 0.02]
    assertThat(HolmBonferroni.adjust(new double[] {0.01, 0.04, 0.03, 0.005}))
        .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-15));
    // holm([0.2,0.001,0.0125,0.02,0.5]) = [0.4, 0.005, 0.05, 0.06, 0.5]
    double[] p = {0.2, 0.001, 0.0125, 0.02, 0.5};
    assertThat(HolmBonferroni.adjust(p))
        .containsExactly(new double[] {0.4, 0.005, 0.05, 0.06, 0.5}, within(1e-15));
    // Step-down stops at the first non-rejection: 0.02 is not rejected at 0.05 although 0.02 <
    // 0.05.
    assertThat(HolmBonferroni.reject(p, 0.05)).containsExactly(false, true, true, false, false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        // r=stats.chisquare(obs, np.array(w)/sum(w)*sum(obs)); (r.statistic, r.pvalue)
        "50150,49850; 0.5,0.5; 0.9; 0.34278171114790873; false",
        "1000,1130; 0.5,0.5; 7.934272300469484; 0.004850713079550218; false",
        "2010,2950,5040; 0.2,0.3,0.5; 1.2033333333333334; 0.5478977118489639; false",
        "1900,3100,5000; 0.2,0.3,0.5; 8.333333333333334; 0.015503853599009307; false",
        "50000,51500; 0.5,0.5; 22.167487684729064; 2.498695214678602e-06; true",
      })
  void sampleRatioMismatchMatchesScipyChisquare(
      String observed, String weights, double chiSquare, double pValue, boolean mismatch) {
    long[] obs = java.util.Arrays.stream(observed.split(",")).mapToLong(Long::parseLong).toArray();
    double[] w =
        java.util.Arrays.stream(weights.split(",")).mapToDouble(Double::parseDouble).toArray();
    SampleRatioMismatch.Result r = SampleRatioMismatch.test(obs, w);
    relative(r.chiSquare(), chiSquare, 1e-12);
    relative(r.pValue(), pValue, 1e-10);
    assertThat(r.degreesOfFreedom()).isEqualTo(obs.length - 1);
    assertThat(r.mismatch()).isEqualTo(mismatch);
  }

  @Test
  void sampleSizeMatchesStandardFormula() {
    // p2=p1+d; pb=(p1+p2)/2; (stats.norm.ppf(1-a/2)*np.sqrt(2*pb*(1-pb))
    //   + stats.norm.ppf(pw)*np.sqrt(p1*(1-p1)+p2*(1-p2)))**2/d**2
    // (0.10, +0.01, 0.05, 0.8) -> 14750.790469044938 -> 14,751 per arm
    assertThat(SampleSizeCalculator.perArm(0.10, 0.01, 0.05, 0.8)).isEqualTo(14_751);
    // (0.05, +0.005, 0.05, 0.9) -> 41812.21294888752
    assertThat(SampleSizeCalculator.perArm(0.05, 0.005, 0.05, 0.9)).isEqualTo(41_813);
    // (0.30, -0.03, 0.01, 0.8) -> 5287.187689135615
    assertThat(SampleSizeCalculator.perArm(0.30, -0.03, 0.01, 0.8)).isEqualTo(5_288);
  }

  @Test
  void minimumDetectableEffectInvertsSampleSize() {
    double mde = SampleSizeCalculator.minimumDetectableEffect(0.10, 14_751, 0.05, 0.8);
    assertThat(mde).isCloseTo(0.01, within(1e-5));
    assertThat(SampleSizeCalculator.perArm(0.10, mde, 0.05, 0.8)).isLessThanOrEqualTo(14_751);
  }
}
