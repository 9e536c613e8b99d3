package dev.marquee.experiment.stats;

import static dev.marquee.experiment.stats.Close.relative;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Reference: the balanced-arms formula of Johari et al. 2017 (§4), evaluated in NumPy:
 *
 * <pre>
 * V=pc*(1-pc)+pt*(1-pt); t2=0.01**2; d=pt-pc
 * L=np.sqrt(V/(V+n*t2))*np.exp(n*n*t2*d*d/(2*V*(V+n*t2))); p=min(1,1/L)
 * v=V/n; hw=np.sqrt(v*(v+t2)/t2*(2*np.log(1/0.05)+np.log((v+t2)/v))); (d-hw, d+hw)
 * </pre>
 */
class MixtureSprtTest {

  private final MixtureSequentialTest test = new MixtureSequentialTest(0.01, 0.05);

  @Test
  void likelihoodRatioPValueAndConfidenceSequenceMatchReference() {
    // n=20000 per arm, 2000 vs 2150 conversions
    SequentialLook look =
        test.look(new BinomialCounts(20_000, 2_000), new BinomialCounts(20_000, 2_150));
    relative(look.likelihoodRatio(), 4.644125602374388, 1e-11);
    relative(look.pValue(), 0.21532578694442134, 1e-11);
    relative(look.confidenceSequence().lower(), -0.0017695411548265937, 1e-10);
    relative(look.confidenceSequence().upper(), 0.01676954115482658, 1e-10);

    // n=20000 per arm, 2000 vs 2250: rejected, and the CS excludes 0 (duality of p and CS)
    SequentialLook strong =
        test.look(new BinomialCounts(20_000, 2_000), new BinomialCounts(20_000, 2_250));
    relative(strong.likelihoodRatio(), 541.4438641360771, 1e-11);
    relative(strong.pValue(), 0.001846913532939543, 1e-11);
    relative(strong.confidenceSequence().lower(), 0.0031359257288807556, 1e-10);
    relative(strong.confidenceSequence().upper(), 0.02186407427111924, 1e-10);

    // n=5000 per arm, 500 vs 520: Λ = 0.6075466880965021 < 1, p capped at 1
    SequentialLook weak = test.look(new BinomialCounts(5_000, 500), new BinomialCounts(5_000, 520));
    relative(weak.likelihoodRatio(), 0.6075466880965021, 1e-11);
    assertThat(weak.pValue()).isEqualTo(1.0);
    relative(weak.confidenceSequence().lower(), -0.01512643734401425, 1e-10);
    relative(weak.confidenceSequence().upper(), 0.02312643734401423, 1e-10);
  }

  @Test
  void stateKeepsRunningMinimumAndIntersection() {
    SequentialLook first = test.look(0.02, 1e-4);
    SequentialLook second = test.look(0.0, 4e-5);
    SequentialState state = SequentialState.INITIAL.after(first).after(second);
    assertThat(state.looks()).isEqualTo(2);
    assertThat(state.alwaysValidPValue()).isEqualTo(Math.min(first.pValue(), second.pValue()));
    assertThat(state.confidenceSequence().lower())
        .isEqualTo(
            Math.max(first.confidenceSequence().lower(), second.confidenceSequence().lower()));
    assertThat(state.confidenceSequence().upper())
        .isEqualTo(
            Math.min(first.confidenceSequence().upper(), second.confidenceSequence().upper()));
  }

  @Test
  void noInformationRejectsNothing() {
    SequentialLook look = test.look(new BinomialCounts(100, 0), new BinomialCounts(100, 0));
    assertThat(look.pValue()).isEqualTo(1.0);
    assertThat(SequentialState.INITIAL.after(look).rejects(0.05)).isFalse();
  }
}
