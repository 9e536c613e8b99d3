package dev.marquee.experiment.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** GrowthBook's {@code getBucketRanges} and {@code chooseVariation}. */
public final class BucketRanges {

  private BucketRanges() {}

  /** {@code numVariations} equal weights, or none when it is not positive. */
  public static double[] equalWeights(int numVariations) {
    if (numVariations <= 0) {
      return new double[0];
    }
    double[] weights = new double[numVariations];
    Arrays.fill(weights, 1.0 / numVariations);
    return weights;
  }

  /**
   * Bucket ranges as in the GrowthBook spec: coverage is clamped to [0, 1]; weights fall back to
   * equal weights when null, of the wrong length, or summing outside [0.99, 1.01]; arm {@code i}
   * gets {@code [cumulative_i, cumulative_i + coverage * w_i)} so lowering coverage never moves a
   * viewer from one arm to another.
   */
  public static List<BucketRange> of(int numVariations, double coverage, double[] weights) {
    double c = coverage < 0 ? 0 : Math.min(coverage, 1);
    double[] w = normalisedWeights(numVariations, weights);
    List<BucketRange> ranges = new ArrayList<>(w.length);
    double cumulative = 0;
    for (double weight : w) {
      double start = cumulative;
      cumulative += weight;
      ranges.add(new BucketRange(start, start + c * weight));
    }
    return List.copyOf(ranges);
  }

  static double[] normalisedWeights(int numVariations, double[] weights) {
    if (weights == null || weights.length != numVariations) {
      return equalWeights(numVariations);
    }
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    // Same tolerance as the spec: small rounding in user-entered weights is accepted as-is.
    if (total < 0.99 || total > 1.01) {
      return equalWeights(numVariations);
    }
    return weights.clone();
  }

  /** The index of the range containing {@code n}, or -1 (not in the experiment). */
  public static int chooseVariation(double n, List<BucketRange> ranges) {
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i).contains(n)) {
        return i;
      }
    }
    return -1;
  }
}
