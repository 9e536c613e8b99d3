package dev.marquee.experiment.stats;

import java.util.random.RandomGenerator;

/**
 * Beta variates as G_a / (G_a + G_b) from two gamma variates, drawn by Marsaglia and Tsang's
 * squeeze method ("A Simple Method for Generating Gamma Variables", ACM TOMS 26, 2000).
 */
final class BetaSampler {

  private BetaSampler() {}

  static double nextBeta(RandomGenerator random, double alpha, double beta) {
    double x = nextGamma(random, alpha);
    double y = nextGamma(random, beta);
    return x / (x + y);
  }

  static double nextGamma(RandomGenerator random, double shape) {
    if (shape < 1) {
      // Boost: G(a) = G(a + 1)·U^(1/a) (Marsaglia and Tsang, §6).
      return nextGamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = random.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) {
        return d * v;
      }
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
