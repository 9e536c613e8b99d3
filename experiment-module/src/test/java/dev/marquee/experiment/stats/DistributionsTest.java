package dev.marquee.experiment.stats;

import static dev.marquee.experiment.stats.Close.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference: SciPy 1.17.1 (scipy.special / scipy.stats); one-liners next to each table. */
class DistributionsTest {

  @ParameterizedTest
  @CsvSource({
    // float(scipy.special.gammaln(x))
    "0.1, 2.252712651734206",
    "0.5, 0.5723649429247",
    "1, 0.0",
    "2.5, 0.2846828704729192",
    "10, 12.801827480081469",
    "100, 359.1342053695754",
    "12345.6, 103959.18506616844",
  })
  void logGammaMatchesScipy(double x, double expected) {
    assertThat(SpecialFunctions.logGamma(x)).isCloseTo(expected, within(1e-12 * (1 + expected)));
  }

  @ParameterizedTest
  @CsvSource({
    // scipy.stats.norm.cdf(x), scipy.stats.norm.sf(x)
    "-8, 6.22096057427174e-16, 0.9999999999999993",
    "-3, 0.0013498980316300933, 0.9986501019683699",
    "-1.96, 0.024997895148220435, 0.9750021048517795",
    "-0.5, 0.3085375387259869, 0.6914624612740131",
    "0, 0.5, 0.5",
    "0.3, 0.6179114221889526, 0.3820885778110474",
    "1.96, 0.9750021048517795, 0.024997895148220435",
    "5, 0.9999997133484281, 2.866515718791933e-07",
    "9, 1.0, 1.1285884059538324e-19",
  })
  void normalCdfAndSurvivalMatchScipy(double x, double cdf, double sf) {
    relative(NormalDistribution.cdf(x), cdf, 1e-12);
    relative(NormalDistribution.sf(x), sf, 1e-12);
  }

  @ParameterizedTest
  @CsvSource({
    // scipy.stats.norm.ppf(p)
    "1e-12, -7.034483825301131",
    "1e-05, -4.264890793922825",
    "0.01, -2.3263478740408408",
    "0.025, -1.9599639845400545",
    "0.3, -0.5244005127080409",
    "0.5, 0.0",
    "0.8, 0.8416212335729143",
    "0.975, 1.959963984540054",
    "0.999999, 4.753424308817087",
  })
  void normalQuantileMatchesScipy(double p, double expected) {
    assertThat(NormalDistribution.quantile(p)).isCloseTo(expected, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({
    // scipy.stats.chi2.sf(x, df)
    "3.84, 1, 0.05004352124870519",
    "10.5, 3, 0.014760897143990665",
    "0.5, 2, 0.7788007830714049",
    "30, 9, 0.00043872177097947936",
    "200, 150, 0.003973185970821635",
    "0.001, 4, 0.9999998750416589",
  })
  void chiSquareSurvivalMatchesScipy(double x, double df, double expected) {
    relative(ChiSquareDistribution.sf(x, df), expected, 1e-11);
  }

  @org.junit.jupiter.api.Test
  void twoSidedPValueAt196() {
    // scipy.stats.norm.sf(1.96)*2 = 0.04999579029644087
    relative(NormalDistribution.twoSidedPValue(1.96), 0.04999579029644087, 1e-12);
  }
}
