package dev.marquee.experiment.replay;

/** The policy being evaluated: the probability it plays an arm in a logged situation. */
@FunctionalInterface
public interface TargetPolicy {

  /** π(arm | decision's context); the context here is the allocation period. */
  double probability(LoggedDecision decision, int arm);

  /** Uniform A/B/n over {@code arms} arms. */
  static TargetPolicy uniform(int arms) {
    return (decision, arm) -> 1.0 / arms;
  }

  /** Fixed weights, one per arm, whatever the period. */
  static TargetPolicy fixed(double[] weights) {
    double[] w = weights.clone();
    return (decision, arm) -> w[arm];
  }
}
