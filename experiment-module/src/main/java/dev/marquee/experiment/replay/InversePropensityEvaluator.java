package dev.marquee.experiment.replay;

import java.util.List;

/**
 * Off-policy evaluation by inverse-propensity scoring (Horvitz and Thompson 1952) and its
 * self-normalised variant (Swaminathan and Joachims 2015, "The Self-Normalized Estimator for
 * Counterfactual Learning"). Every logged decision carries the probability with which the logging
 * policy (A/B weights or bandit weights × coverage) chose its arm; a decision counts for the target
 * policy with weight π(arm)/propensity.
 */
public final class InversePropensityEvaluator {

  private InversePropensityEvaluator() {}

  /** Estimates the value of {@code target} on {@code log}. */
  public static PolicyValue evaluate(List<LoggedDecision> log, TargetPolicy target) {
    long n = log.size();
    if (n == 0) {
      return new PolicyValue(Double.NaN, Double.NaN, Double.NaN, 0, 0);
    }
    double sum = 0;
    double sumSquares = 0;
    double weightSum = 0;
    double weightSquares = 0;
    for (LoggedDecision d : log) {
      double w = target.probability(d, d.arm()) / d.propensity();
      double term = w * d.reward();
      sum += term;
      sumSquares += term * term;
      weightSum += w;
      weightSquares += w * w;
    }
    double mean = sum / n;
    double variance = n > 1 ? (sumSquares - n * mean * mean) / (n - 1) : Double.NaN;
    return new PolicyValue(
        mean,
        Math.sqrt(Math.max(variance, 0) / n),
        weightSum > 0 ? sum / weightSum : Double.NaN,
        weightSquares > 0 ? weightSum * weightSum / weightSquares : 0,
        n);
  }
}
