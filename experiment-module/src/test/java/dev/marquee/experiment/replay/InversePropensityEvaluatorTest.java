package dev.marquee.experiment.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class InversePropensityEvaluatorTest {
  // arms, logging propensities and rewards of eight logged decisions
  private static final int[] ARM = {0, 1, 1, 2, 0, 2, 1, 0};
  private static final double[] P = {0.5, 0.3, 0.3, 0.2, 0.5, 0.2, 0.3, 0.5};
  private static final double[] R = {1, 0, 1, 1, 0, 0, 1, 0};

  private static List<LoggedDecision> log() {
    return java.util.stream.IntStream.range(0, ARM.length)
        .mapToObj(i -> new LoggedDecision(1, ARM[i], P[i], R[i]))
        .toList();
  }

  @Test
  void matchesNumPyReference() {
    // NumPy 2.4: w = pi[arm]/p; t = w*r; t.mean(), t.std(ddof=1)/sqrt(8), t.sum()/w.sum(),
    // w.sum()**2/(w**2).sum()
    PolicyValue uniform = InversePropensityEvaluator.evaluate(log(), TargetPolicy.uniform(3));
    assertThat(uniform.ips()).isCloseTo(0.5694444444444444, within(1e-14));
    assertThat(uniform.ipsStandardError()).isCloseTo(0.23517555077545726, within(1e-14));
    assertThat(uniform.selfNormalised()).isCloseTo(0.5256410256410257, within(1e-14));
    assertThat(uniform.effectiveSampleSize()).isCloseTo(7.090909090909091, within(1e-12));

    PolicyValue skewed =
        InversePropensityEvaluator.evaluate(
            log(), TargetPolicy.fixed(new double[] {0.1, 0.2, 0.7}));
    assertThat(skewed.ips()).isCloseTo(0.6291666666666667, within(1e-14));
    assertThat(skewed.ipsStandardError()).isCloseTo(0.4228323573012741, within(1e-14));
    assertThat(skewed.selfNormalised()).isCloseTo(0.5243055555555556, within(1e-14));
    assertThat(skewed.effectiveSampleSize()).isCloseTo(3.5509889545337794, within(1e-12));
    assertThat(skewed.decisions()).isEqualTo(8);
  }

  @Test
  void onPolicyEvaluationIsTheMeanReward() {
    // target = logging policy: every weight is 1, so IPS and SNIPS are the plain mean
    PolicyValue self = InversePropensityEvaluator.evaluate(log(), (d, arm) -> d.propensity());
    assertThat(self.ips()).isCloseTo(0.5, within(1e-15));
    assertThat(self.selfNormalised()).isCloseTo(0.5, within(1e-15));
    assertThat(self.effectiveSampleSize()).isCloseTo(8, within(1e-12));
  }

  @Test
  void emptyLogHasNoEstimate() {
    assertThat(InversePropensityEvaluator.evaluate(List.of(), TargetPolicy.uniform(2)).ips())
        .isNaN();
  }
}
