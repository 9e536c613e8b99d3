package dev.marquee.experiment.stats;

/**
 * Whether a treatment harms a guardrail metric: its rate is significantly below the control's in a
 * one-sided pooled two-proportion z-test (half the two-sided p-value, when the effect is negative).
 */
public final class GuardrailCheck {
  private GuardrailCheck() {}

  public static boolean breached(BinomialCounts control, BinomialCounts treatment, double alpha) {
    ProportionComparison c = TwoProportionZTest.compare(control, treatment, 0.95);
    return c.z() < 0 && c.pValue() / 2 < alpha;
  }
}
