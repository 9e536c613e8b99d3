package dev.marquee.experiment.stats;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Thompson sampling as traffic weights for deterministic assignment: instead of drawing per viewer,
 * each arm gets the probability with which Thompson sampling would play it, estimated by seeded
 * Monte Carlo over the Beta posteriors, then fed to the bucketing as weights between updates.
 *
 * <ul>
 *   <li>Plain Thompson sampling plays arm i with probability a_i = P(i is best).
 *   <li>Top-two Thompson sampling (Russo 2016, "Simple Bayesian Algorithms for Best Arm
 *       Identification") plays the leader with probability β and otherwise the best of the rest,
 *       which spends more traffic on the challenger: ψ_i = a_i·(β + (1 − β)·Σ_{j≠i} a_j / (1 −
 *       a_j)).
 *   <li>A minimum share m per arm keeps every arm explored (and its posterior honest if the world
 *       changes): w_i = m + (1 − k·m)·ψ_i.
 * </ul>
 */
public final class ThompsonSampling {

  /**
   * @param draws posterior draws per arm; the Monte Carlo sd of each a_i is ≤ 0.5/√draws
   * @param minimumShare traffic floor per arm, with arms × minimumShare ≤ 1
   * @param topTwo whether to use top-two Thompson sampling
   * @param topTwoBeta probability of playing the leader in top-two mode (Russo suggests 0.5)
   */
  public record Settings(int draws, double minimumShare, boolean topTwo, double topTwoBeta) {
    public Settings {
      if (draws < 1 || minimumShare < 0 || !(topTwoBeta > 0 && topTwoBeta < 1)) {
        throw new IllegalArgumentException("invalid Thompson sampling settings");
      }
    }

    /** 10,000 draws (sd ≤ 0.005), 5 % floor per arm, plain Thompson sampling. */
    public static Settings defaults() {
      return new Settings(10_000, 0.05, false, 0.5);
    }
  }

  private ThompsonSampling() {}

  /** Weights for {@code arms} under {@code settings}, reproducible for a given {@code seed}. */
  public static BanditAllocation allocate(List<BetaPosterior> arms, Settings settings, long seed) {
    int k = arms.size();
    if (k == 0 || k * settings.minimumShare() > 1) {
      throw new IllegalArgumentException("need arms and arms x minimumShare <= 1");
    }
    SplittableRandom random = new SplittableRandom(seed);
    long[] wins = new long[k];
    for (int d = 0; d < settings.draws(); d++) {
      int best = 0;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        BetaPosterior p = arms.get(i);
        double value = BetaSampler.nextBeta(random, p.alpha(), p.beta());
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      wins[best]++;
    }
    double[] probabilityBest = new double[k];
    for (int i = 0; i < k; i++) {
      probabilityBest[i] = wins[i] / (double) settings.draws();
    }
    double[] play =
        settings.topTwo() ? topTwo(probabilityBest, settings.topTwoBeta()) : probabilityBest;
    double[] weights = new double[k];
    double m = settings.minimumShare();
    for (int i = 0; i < k; i++) {
      weights[i] = m + (1 - k * m) * play[i];
    }
    return new BanditAllocation(weights, probabilityBest, settings.draws(), seed);
  }

  /** Russo's top-two play probabilities from P(best). */
  static double[] topTwo(double[] a, double beta) {
    int k = a.length;
    double[] challengerShare = new double[k]; // a_j / (1 − a_j), the challenger odds of j
    double total = 0;
    for (int j = 0; j < k; j++) {
      challengerShare[j] = a[j] < 1 ? a[j] / (1 - a[j]) : 0;
      total += challengerShare[j];
    }
    double[] psi = new double[k];
    double sum = 0;
    for (int i = 0; i < k; i++) {
      psi[i] = a[i] * (beta + (1 - beta) * (total - challengerShare[i]));
      sum += psi[i];
    }
    // When one arm has a_i = 1 there is no challenger; renormalising gives it everything.
    for (int i = 0; i < k; i++) {
      psi[i] /= sum;
    }
    return psi;
  }
}
