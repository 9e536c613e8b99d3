package dev.marquee.experiment.stats;

/**
 * Mixture sequential probability ratio test (mSPRT) for a difference θ of two means or proportions,
 * with a normal mixing distribution N(0, τ²) over θ (Johari, Koomen, Pekelis and Walsh 2017,
 * "Peeking at A/B Tests", §4; the boundary is the two-sided normal mixture of Howard, Ramdas,
 * McAuliffe and Sekhon 2021).
 *
 * <p>With θ̂ the estimated difference and v its variance (σ_t²/n_t + σ_c²/n_c; for two arms of n
 * units each v = V/n and this is the paper's formula):
 *
 * <pre>
 * Λ = √(v / (v + τ²)) · exp(τ²·θ̂² / (2·v·(v + τ²)))
 * p = min(1, 1/Λ)
 * CS = θ̂ ± √( v·(v + τ²)/τ² · (2·ln(1/α) + ln((v + τ²)/v)) )
 * </pre>
 *
 * <p>τ is the scale of effects the test is tuned for: it is most powerful for |θ| near τ and still
 * valid for any. {@link #DEFAULT_TAU} = 0.01 (one percentage point of absolute difference in
 * conversion or click-through rate) suits artwork tests, whose baselines are a few percent to a few
 * tens of percent and whose worthwhile lifts are about a point; pass a different τ for other
 * metrics or scales.
 */
public final class MixtureSequentialTest {

  /** Default mixture scale τ for an absolute difference of two rates. */
  public static final double DEFAULT_TAU = 0.01;

  private final double tauSquared;
  private final double alpha;

  /**
   * @param tau mixture standard deviation τ, in the metric's units
   * @param alpha the level at which confidence sequences are built
   */
  public MixtureSequentialTest(double tau, double alpha) {
    if (!(tau > 0) || !(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("need tau > 0 and 0 < alpha < 1");
    }
    this.tauSquared = tau * tau;
    this.alpha = alpha;
  }

  /** Default τ at α = 0.05. */
  public static MixtureSequentialTest withDefaults() {
    return new MixtureSequentialTest(DEFAULT_TAU, 0.05);
  }

  /** One look given the estimated difference and the variance of that estimate. */
  public SequentialLook look(double difference, double variance) {
    if (!(variance > 0)) {
      // No information yet (e.g. no conversions in either arm): nothing can be rejected.
      return new SequentialLook(
          difference, 1, 1, new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }
    double total = variance + tauSquared;
    double logLambda =
        0.5 * Math.log(variance / total)
            + tauSquared * difference * difference / (2 * variance * total);
    double p = Math.min(1, Math.exp(-logLambda));
    double halfWidth =
        Math.sqrt(
            variance * total / tauSquared * (2 * Math.log(1 / alpha) + Math.log(total / variance)));
    return new SequentialLook(
        difference,
        Math.exp(logLambda),
        p,
        new Interval(difference - halfWidth, difference + halfWidth));
  }

  /** One look at two conversion rates, with the plug-in variance p(1 − p)/n per arm. */
  public SequentialLook look(BinomialCounts control, BinomialCounts treatment) {
    if (control.trials() == 0 || treatment.trials() == 0) {
      return look(0, 0);
    }
    double pc = control.rate();
    double pt = treatment.rate();
    double variance = pc * (1 - pc) / control.trials() + pt * (1 - pt) / treatment.trials();
    return look(pt - pc, variance);
  }
}
