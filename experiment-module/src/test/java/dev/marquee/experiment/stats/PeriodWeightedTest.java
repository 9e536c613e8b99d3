package dev.marquee.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodWeightedTest {
  // Three periods of a bandit moving traffic to the treatment while both rates rise over time.
  private static final List<BinomialCounts[]> STRATA =
      List.of(
          new BinomialCounts[] {new BinomialCounts(1000, 50), new BinomialCounts(1000, 60)},
          new BinomialCounts[] {new BinomialCounts(200, 20), new BinomialCounts(1800, 216)},
          new BinomialCounts[] {new BinomialCounts(100, 12), new BinomialCounts(1900, 247)});

  @Test
  void matchesNumPyAndSciPyReference() {
    // NumPy 2.4 / SciPy 1.17: w_p = N_p/N; rate = sum(w_p*r); var = sum(w_p^2*r*(1-r)/n);
    // d = rate_t - rate_c; CI d -/+ norm.ppf(0.975)*sqrt(var_t+var_c); p = 2*norm.sf(|d|/se)
    List<PeriodWeighted.Estimate> e = PeriodWeighted.estimate(STRATA, 0.95);
    assertThat(e.get(0).rate()).isCloseTo(0.09, within(1e-14));
    assertThat(e.get(1).rate()).isCloseTo(0.10333333333333333, within(1e-14));
    assertThat(e.get(0).standardError()).isCloseTo(0.01313815478334424, within(1e-14));
    assertThat(e.get(1).standardError()).isCloseTo(0.004404454594260733, within(1e-14));
    assertThat(e.get(1).uplift()).isCloseTo(0.013333333333333336, within(1e-14));
    assertThat(e.get(1).upliftLower()).isCloseTo(-0.013825454952588568, within(1e-9));
    assertThat(e.get(1).upliftUpper()).isCloseTo(0.040492121619255236, within(1e-9));
    assertThat(e.get(1).pValue()).isCloseTo(0.33593681428130806, within(1e-9));
    assertThat(e.get(0).pValue()).isNaN();
  }

  @Test
  void poolingWouldHaveInventedAWinner() {
    // pooled: 82/1300 = 0.0631 vs 523/4700 = 0.1113, an uplift of 0.048 that is mostly the
    // later, better periods giving the treatment more traffic
    BinomialCounts control = new BinomialCounts(1300, 82);
    BinomialCounts treatment = new BinomialCounts(4700, 523);
    double pooledUplift = treatment.rate() - control.rate();
    assertThat(pooledUplift).isCloseTo(0.04819967266775778, within(1e-14));
    assertThat(TwoProportionZTest.compare(control, treatment, 0.95).pValue()).isLessThan(1e-6);
    assertThat(PeriodWeighted.estimate(STRATA, 0.95).get(1).uplift()).isLessThan(pooledUplift / 3);
  }

  @Test
  void periodsMissingAnArmAreLeftOut() {
    List<BinomialCounts[]> strata =
        List.of(
            new BinomialCounts[] {new BinomialCounts(100, 10), new BinomialCounts(0, 0)},
            new BinomialCounts[] {new BinomialCounts(100, 5), new BinomialCounts(100, 10)});
    List<PeriodWeighted.Estimate> e = PeriodWeighted.estimate(strata, 0.95);
    assertThat(e.get(0).rate()).isCloseTo(0.05, within(1e-15));
    assertThat(e.get(1).rate()).isCloseTo(0.10, within(1e-15));
    assertThat(PeriodWeighted.estimate(strata.subList(0, 1), 0.95)).isEmpty();
  }
}
