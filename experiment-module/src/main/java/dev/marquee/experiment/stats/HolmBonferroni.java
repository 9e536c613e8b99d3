package dev.marquee.experiment.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down procedure (Holm 1979): controls the family-wise error rate across the
 * treatment-versus-control comparisons of an A/B/n test and is uniformly more powerful than
 * Bonferroni.
 */
public final class HolmBonferroni {

  private HolmBonferroni() {}

  /**
   * Holm-adjusted p-values in the input order: sorted ascending, the i-th (0-based) of m becomes
   * max over j ≤ i of min(1, (m − j)·p_(j)); reject H_i exactly when adjusted_i ≤ α.
   */
  public static double[] adjust(double[] pValues) {
    int m = pValues.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    double[] adjusted = new double[m];
    double runningMax = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order[rank];
      runningMax = Math.max(runningMax, Math.min(1, (m - rank) * pValues[i]));
      adjusted[i] = runningMax;
    }
    return adjusted;
  }

  /** Which hypotheses Holm rejects at family-wise level {@code alpha}. */
  public static boolean[] reject(double[] pValues, double alpha) {
    double[] adjusted = adjust(pValues);
    boolean[] rejected = new boolean[adjusted.length];
    for (int i = 0; i < adjusted.length; i++) {
      rejected[i] = adjusted[i] <= alpha;
    }
    return rejected;
  }
}
