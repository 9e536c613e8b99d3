package dev.marquee.experiment.stats;

/**
 * When an experiment may be decided.
 *
 * <p>{@link Kind#SEQUENTIAL}: every arm still in play has at least {@code minimumSamplePerArm}
 * exposed viewers, and a treatment's always-valid (mSPRT) p-value against control is at most {@code
 * alpha} with a positive effect; the treatment with the largest effect wins. When every treatment
 * is significantly worse than control, the control is kept (no winner).
 *
 * <p>{@link Kind#BAYESIAN}: the same minimum sample, and the arm most likely to be best has {@code
 * P(best) ≥ probabilityBestThreshold} and expected loss {@code ≤ expectedLossThreshold}; when that
 * arm is the control, the control is kept (no winner).
 *
 * <p>Under either kind, a treatment whose guardrail metric is significantly below control's
 * (one-sided z-test, p {@code < guardrailAlpha}) is stopped: it can no longer win.
 */
public record DecisionRule(
    Kind kind,
    double alpha,
    long minimumSamplePerArm,
    double probabilityBestThreshold,
    double expectedLossThreshold,
    double guardrailAlpha) {

  /** The two kinds of rule. */
  public enum Kind {
    SEQUENTIAL,
    BAYESIAN
  }

  /** α 0.05, 1,000 viewers per arm, P(best) 0.95, expected loss 0.001, guardrail α 0.01. */
  public static final DecisionRule DEFAULT =
      new DecisionRule(Kind.SEQUENTIAL, 0.05, 1000, 0.95, 0.001, 0.01);

  public DecisionRule {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie in (0, 1)");
    }
    if (minimumSamplePerArm < 1) {
      throw new IllegalArgumentException("minimumSamplePerArm must be at least 1");
    }
    if (!(probabilityBestThreshold > 0.5 && probabilityBestThreshold < 1)) {
      throw new IllegalArgumentException("probabilityBestThreshold must lie in (0.5, 1)");
    }
    if (!(expectedLossThreshold > 0 && expectedLossThreshold < 1)) {
      throw new IllegalArgumentException("expectedLossThreshold must lie in (0, 1)");
    }
    if (!(guardrailAlpha > 0 && guardrailAlpha < 1)) {
      throw new IllegalArgumentException("guardrailAlpha must lie in (0, 1)");
    }
  }
}
