package dev.marquee.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.experiment.stats.Verdict.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionEvaluatorTest {
  private static final DecisionRule SEQUENTIAL =
      new DecisionRule(DecisionRule.Kind.SEQUENTIAL, 0.05, 1000, 0.95, 0.001, 0.01);
  private static final DecisionRule BAYESIAN =
      new DecisionRule(DecisionRule.Kind.BAYESIAN, 0.05, 1000, 0.95, 0.001, 0.01);

  private static ArmEvidence control(long viewers, long conversions, double pBest, double loss) {
    return new ArmEvidence("control", true, viewers, conversions, Double.NaN, pBest, loss, false);
  }

  private static ArmEvidence arm(
      String id, long viewers, long conversions, double p, double pBest, double loss) {
    return new ArmEvidence(id, false, viewers, conversions, p, pBest, loss, false);
  }

  private static ArmEvidence breached(String id, long viewers, long conversions) {
    return new ArmEvidence(id, false, viewers, conversions, 0.001, 0.9, 0.0001, true);
  }

  @Test
  void sequentialPicksTheSignificantlyBetterArmWithTheLargestEffect() {
    Verdict v =
        DecisionEvaluator.evaluate(
            SEQUENTIAL,
            List.of(
                control(2000, 100, 0.01, 0.02),
                arm("b", 2000, 140, 0.01, 0.2, 0.01),
                arm("c", 2000, 160, 0.001, 0.79, 0.001),
                arm("d", 2000, 200, 0.2, 0.0, 0.05)));
    assertThat(v.outcome()).isEqualTo(Outcome.WINNER);
    assertThat(v.winningArmId()).as("d is higher but not significant").isEqualTo("c");
    assertThat(v.explanation()).contains("c").contains("0.001");
  }

  @Test
  void sequentialWaitsForTheMinimumSampleOfEveryArm() {
    Verdict v =
        DecisionEvaluator.evaluate(
            SEQUENTIAL, List.of(control(999, 50, 0, 0), arm("b", 5000, 400, 0.0001, 1, 0)));
    assertThat(v.outcome()).isEqualTo(Outcome.CONTINUE);
    assertThat(v.explanation()).contains("control").contains("999").contains("1000");
  }

  @Test
  void sequentialContinuesWhileNothingIsSignificant() {
    Verdict v =
        DecisionEvaluator.evaluate(
            SEQUENTIAL,
            List.of(control(5000, 250, 0.5, 0.01), arm("b", 5000, 260, 0.4, 0.5, 0.01)));
    assertThat(v.outcome()).isEqualTo(Outcome.CONTINUE);
    assertThat(v.winningArmId()).isNull();
  }

  @Test
  void sequentialKeepsTheControlWhenEveryTreatmentIsSignificantlyWorse() {
    Verdict v =
        DecisionEvaluator.evaluate(
            SEQUENTIAL, List.of(control(5000, 400, 1, 0), arm("b", 5000, 250, 0.0001, 0, 0.03)));
    assertThat(v.outcome()).isEqualTo(Outcome.NO_WINNER);
    assertThat(v.explanation()).contains("control stays");
  }

  @Test
  void aSignificantlyBetterArmThatBreachesItsGuardrailCannotWin() {
    Verdict v =
        DecisionEvaluator.evaluate(
            SEQUENTIAL,
            List.of(
                control(2000, 100, 0, 0),
                breached("b", 2000, 300),
                arm("c", 2000, 100, 0.9, 0, 0.05)));
    assertThat(v.outcome()).isEqualTo(Outcome.CONTINUE);
    assertThat(v.stoppedArmIds()).containsExactly("b");
    Verdict all =
        DecisionEvaluator.evaluate(
            SEQUENTIAL, List.of(control(10, 1, 0, 0), breached("b", 2000, 300)));
    assertThat(all.outcome()).isEqualTo(Outcome.NO_WINNER);
    assertThat(all.explanation()).contains("guardrail");
  }

  @Test
  void bayesianNeedsBothProbabilityBestAndExpectedLoss() {
    ArmEvidence c = control(5000, 250, 0.02, 0.02);
    assertThat(
            DecisionEvaluator.evaluate(BAYESIAN, List.of(c, arm("b", 5000, 330, 1, 0.98, 0.0005)))
                .winningArmId())
        .isEqualTo("b");
    Verdict lossTooHigh =
        DecisionEvaluator.evaluate(BAYESIAN, List.of(c, arm("b", 5000, 330, 1, 0.98, 0.002)));
    assertThat(lossTooHigh.outcome()).isEqualTo(Outcome.CONTINUE);
    assertThat(lossTooHigh.explanation()).contains("0.002");
    Verdict notSure =
        DecisionEvaluator.evaluate(BAYESIAN, List.of(c, arm("b", 5000, 330, 1, 0.9, 0.0001)));
    assertThat(notSure.outcome()).isEqualTo(Outcome.CONTINUE);
  }

  @Test
  void bayesianKeepsAConfidentlyBestControl() {
    Verdict v =
        DecisionEvaluator.evaluate(
            BAYESIAN,
            List.of(control(5000, 400, 0.99, 0.0001), arm("b", 5000, 300, 1, 0.01, 0.02)));
    assertThat(v.outcome()).isEqualTo(Outcome.NO_WINNER);
    assertThat(v.winningArmId()).isNull();
  }

  @Test
  void guardrailCheckIsOneSidedAtAlpha() {
    BinomialCounts control = new BinomialCounts(2000, 400);
    // z ≈ −3.9: far below control
    assertThat(GuardrailCheck.breached(control, new BinomialCounts(2000, 300), 0.01)).isTrue();
    // better than control is never a breach, however significant
    assertThat(GuardrailCheck.breached(control, new BinomialCounts(2000, 520), 0.01)).isFalse();
    // 390 vs 400 of 2000: z ≈ −0.40, one-sided p ≈ 0.35
    assertThat(GuardrailCheck.breached(control, new BinomialCounts(2000, 390), 0.01)).isFalse();
  }

  @Test
  void rulesAreValidated() {
    assertThatThrownBy(
            () -> new DecisionRule(DecisionRule.Kind.SEQUENTIAL, 0, 1000, 0.95, 0.001, 0.01))
        .hasMessageContaining("alpha");
    assertThatThrownBy(
            () -> new DecisionRule(DecisionRule.Kind.BAYESIAN, 0.05, 0, 0.95, 0.001, 0.01))
        .hasMessageContaining("minimumSamplePerArm");
    assertThatThrownBy(
            () -> new DecisionRule(DecisionRule.Kind.BAYESIAN, 0.05, 10, 0.4, 0.001, 0.01))
        .hasMessageContaining("probabilityBest");
  }
}
