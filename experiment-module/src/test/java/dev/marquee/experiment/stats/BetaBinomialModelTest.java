package dev.marquee.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference: SciPy 1.17.1 adaptive quadrature of the Beta densities (script {@code bayes_ref}
 * quoted per test), cross-checked by a NumPy Monte Carlo of 4 M draws.
 */
class BetaBinomialModelTest {

  private static BetaPosterior beta(double a, double b) {
    return new BetaPosterior(a, b);
  }

  @ParameterizedTest(name = "P(Beta({2},{3}) > Beta({0},{1}))")
  @CsvSource({
    // integrate.quad(lambda x: stats.beta.pdf(x,aA,bA)*stats.beta.sf(x,aB,bB),
    //                m-20*s, m+20*s, limit=500, epsabs=1e-13, epsrel=1e-12)[0]
    "11, 91, 16, 86, 0.853283789933966",
    "1, 51, 4, 48, 0.9411941194119412",
    "1001, 9001, 1101, 8901, 0.9894573544317127",
    "401, 99601, 461, 99541, 0.9798099831512448",
    "20001, 180001, 20301, 179701, 0.9424739123601376",
  })
  void probabilityBeatsMatchesScipyQuadrature(
      double aA, double bA, double aB, double bB, double expected) {
    assertThat(BetaBinomialModel.probabilityBeats(beta(aA, bA), beta(aB, bB)))
        .isCloseTo(expected, within(1e-5));
  }

  @ParameterizedTest(name = "exact P(Beta({2},{3}) > Beta({0},{1}))")
  @CsvSource({
    // the same closed form in 40-digit arithmetic (mpmath, mp.mp.dps=40):
    // mp.fsum(mp.beta(aA+i,bA+bB)/((bB+i)*mp.beta(1+i,bB)*mp.beta(aA,bA)) for i in range(aB))
    "11, 91, 16, 86, 0.85328378993396613",
    "1, 51, 4, 48, 0.94119411941194119",
    "1001, 9001, 1101, 8901, 0.98945735443171401",
    "401, 99601, 461, 99541, 0.97980998315124625",
  })
  void evanMillerClosedFormMatchesScipyQuadrature(
      double aA, double bA, double aB, double bB, double expected) {
    assertThat(BetaBinomialModel.exactProbabilityBeats(beta(aA, bA), beta(aB, bB)))
        // 1e-9: ln B(a, b) of arguments near 2e5 loses ~1e-10 to cancellation between log-gammas
        .isCloseTo(expected, within(1e-9));
    // and the quadrature used for P(best) agrees with the closed form on two arms
    assertThat(
            BetaBinomialModel.compareArms(List.of(beta(aA, bA), beta(aB, bB))).probabilityBest()[1])
        .isCloseTo(expected, within(1e-5));
  }

  @org.junit.jupiter.api.Test
  void probabilityBestAndExpectedLossMatchScipyAndMonteCarlo() {
    // best_j = quad(pdf_j * prod_{i!=j} cdf_i), loss_j = quad(cdf_j - prod_i cdf_i)
    // NumPy Monte Carlo, 4e6 draws, default_rng(1): best [0.07473, 0.91466, 0.01061],
    // loss [0.020499, 0.000532, 0.030475]
    BayesianArms three =
        BetaBinomialModel.compareArms(List.of(beta(101, 901), beta(121, 881), beta(91, 911)));
    assertThat(three.probabilityBest())
        .containsExactly(
            new double[] {0.07474923212880816, 0.9146879385230969, 0.010562829348095293},
            within(1e-5));
    assertThat(three.expectedLoss())
        .containsExactly(
            new double[] {0.020491839530840796, 0.0005317596905214359, 0.030471879451000487},
            within(1e-6));

    BayesianArms four =
        BetaBinomialModel.compareArms(
            List.of(beta(5001, 95001), beta(5101, 94901), beta(4951, 95051), beta(5081, 94921)));
    assertThat(four.probabilityBest())
        .containsExactly(
            new double[] {
              0.07109429838389156, 0.5314951955266729, 0.018091821164479473, 0.3793186849249567
            },
            within(1e-5));
    assertThat(four.expectedLoss())
        .containsExactly(
            new double[] {
              0.001334957507320111,
              0.00033497750692011876,
              0.001834947507520106,
              0.0005349735070001146
            },
            within(1e-7));

    // very different widths: an arm with no data (uniform), a narrow one and a wide one
    BayesianArms mixed =
        BetaBinomialModel.compareArms(List.of(beta(1, 1), beta(31, 971), beta(3, 9)));
    assertThat(mixed.probabilityBest())
        .containsExactly(
            new double[] {0.7499616869312105, 0.00014685812383313852, 0.24989145494495613},
            within(1e-5));
    assertThat(mixed.expectedLoss())
        .containsExactly(
            new double[] {0.03846259214881764, 0.5075244683963226, 0.288462592148819},
            within(1e-5));
  }

  @ParameterizedTest(name = "quadrature vs closed form, Beta({0},{1}) vs Beta({2},{3})")
  @CsvSource({
    // skewed posteriors pressed against 0, very different widths, and no data at all
    "1, 1000001, 3, 999999",
    "2, 50, 1, 1",
    "1, 1, 1, 1",
    "30, 70, 2, 3",
  })
  void quadratureAgreesWithClosedFormAtTheEdges(double aA, double bA, double aB, double bB) {
    double exact = BetaBinomialModel.exactProbabilityBeats(beta(aA, bA), beta(aB, bB));
    double quadrature =
        BetaQuadrature.integrate(new BetaPosterior[] {beta(aA, bA), beta(aB, bB)})
            .probabilityBeatsControl()[1];
    assertThat(quadrature).isCloseTo(exact, within(1e-5));
  }
}
