package dev.marquee.experiment.replay;

/**
 * One logged assignment and what came of it.
 *
 * @param period the allocation period it was made in (target policies may depend on it)
 * @param arm the arm served, by index
 * @param propensity the probability the logging policy chose that arm with, in (0, 1]
 * @param reward the outcome, e.g. 1 when the viewer converted
 */
public record LoggedDecision(int period, int arm, double propensity, double reward) {
  public LoggedDecision {
    if (!(propensity > 0 && propensity <= 1) || arm < 0) {
      throw new IllegalArgumentException("propensity must be in (0, 1] and arm >= 0");
    }
  }
}
