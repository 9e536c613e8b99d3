package dev.marquee.experiment.stats;

import java.util.Arrays;

/**
 * Numerical integration over independent Beta posteriors for P(best) and expected loss.
 *
 * <p>Each posterior gets {@value #NODES_PER_ARM} equally spaced nodes over mean ± {@value
 * #HALF_WIDTH_SD} sd (clipped to [0, 1]); the union of all nodes is one grid, so every posterior is
 * resolved at its own scale even when another is far wider. Densities are evaluated on the grid
 * (zero outside their own window, where the omitted tail mass is below 1e-7) and CDFs come from a
 * cumulative end-corrected trapezoid rule normalised to end at exactly 1. Then
 *
 * <ul>
 *   <li>P(j best) = ∫ f_j(x) Π_{i≠j} F_i(x) dx, normalised to sum to 1
 *   <li>expected loss of shipping j = E[max_i X_i − X_j] = ∫ (F_j(x) − Π_i F_i(x)) dx
 * </ul>
 *
 * Accuracy (checked against SciPy quad in the tests): about 1e-5 absolute on both.
 */
final class BetaQuadrature {

  static final int NODES_PER_ARM = 256;
  static final double HALF_WIDTH_SD = 14;

  private BetaQuadrature() {}

  /** P(best) and expected loss for each posterior, in input order. */
  static BayesianArms integrate(BetaPosterior[] arms) {
    int k = arms.length;
    double[] grid = grid(arms);
    int g = grid.length;
    double[] logX = new double[g];
    double[] log1mX = new double[g];
    for (int t = 0; t < g; t++) {
      logX[t] = Math.log(grid[t]);
      log1mX[t] = Math.log1p(-grid[t]);
    }
    double[][] pdf = new double[k][g];
    double[][] slope = new double[k][g];
    double[][] cdf = new double[k][g];
    for (int i = 0; i < k; i++) {
      BetaPosterior p = arms[i];
      double sd = Math.sqrt(p.variance());
      double lo = p.mean() - HALF_WIDTH_SD * sd;
      double hi = p.mean() + HALF_WIDTH_SD * sd;
      double logNorm = SpecialFunctions.logBeta(p.alpha(), p.beta());
      for (int t = 0; t < g; t++) {
        double x = grid[t];
        if (x >= lo && x <= hi) {
          double a = p.alpha() == 1 ? 0 : (p.alpha() - 1) * logX[t];
          double b = p.beta() == 1 ? 0 : (p.beta() - 1) * log1mX[t];
          pdf[i][t] = Math.exp(a + b - logNorm);
          // f'(x) = f(x)·((α−1)/x − (β−1)/(1−x)), for the end-corrected trapezoid below
          slope[i][t] =
              pdf[i][t] * ((p.alpha() - 1) / grid[t] - (p.beta() - 1) / (1 - grid[t]));
        }
      }
      double running = 0;
      for (int t = 1; t < g; t++) {
        double h = grid[t] - grid[t - 1];
        // Trapezoid with the Euler–Maclaurin end correction −h²/12·(f'(x1) − f'(x0)): O(h⁴)
        // per panel instead of O(h³), which keeps the CDF accurate where the grid is coarse.
        running +=
            0.5 * (pdf[i][t - 1] + pdf[i][t]) * h - h * h / 12 * (slope[i][t] - slope[i][t - 1]);
        cdf[i][t] = Math.min(1, Math.max(0, running));
      }
      if (running > 0) {
        for (int t = 1; t < g; t++) {
          cdf[i][t] /= running;
          pdf[i][t] /= running;
        }
        pdf[i][0] /= running;
      }
    }

    // Leave-one-out products of CDFs at each node via prefix/suffix products: O(k) per node.
    double[][] integrandBest = new double[k][g];
    double[] productAll = new double[g];
    double[] prefix = new double[k + 1];
    double[] suffix = new double[k + 1];
    for (int t = 0; t < g; t++) {
      prefix[0] = 1;
      for (int i = 0; i < k; i++) {
        prefix[i + 1] = prefix[i] * cdf[i][t];
      }
      suffix[k] = 1;
      for (int i = k - 1; i >= 0; i--) {
        suffix[i] = suffix[i + 1] * cdf[i][t];
      }
      productAll[t] = prefix[k];
      for (int j = 0; j < k; j++) {
        integrandBest[j][t] = pdf[j][t] * prefix[j] * suffix[j + 1];
      }
    }
    double[] best = new double[k];
    double[] loss = new double[k];
    double totalBest = 0;
    for (int j = 0; j < k; j++) {
      best[j] = trapezoid(grid, integrandBest[j]);
      totalBest += best[j];
      double l = 0;
      for (int t = 1; t < g; t++) {
        double left = cdf[j][t - 1] - productAll[t - 1];
        double right = cdf[j][t] - productAll[t];
        l += 0.5 * (left + right) * (grid[t] - grid[t - 1]);
      }
      loss[j] = Math.max(0, l);
    }
    for (int j = 0; j < k; j++) {
      best[j] /= totalBest;
    }
    return new BayesianArms(best, loss);
  }

  private static double[] grid(BetaPosterior[] arms) {
    double[] nodes = new double[arms.length * NODES_PER_ARM];
    int n = 0;
    for (BetaPosterior p : arms) {
      double sd = Math.sqrt(p.variance());
      // Open interval: the density can be infinite or the logs undefined at exactly 0 or 1.
      double lo = Math.max(1e-15, p.mean() - HALF_WIDTH_SD * sd);
      double hi = Math.min(1 - 1e-15, p.mean() + HALF_WIDTH_SD * sd);
      double step = (hi - lo) / (NODES_PER_ARM - 1);
      for (int t = 0; t < NODES_PER_ARM; t++) {
        nodes[n++] = lo + t * step;
      }
    }
    Arrays.sort(nodes);
    return nodes;
  }

  private static double trapezoid(double[] x, double[] y) {
    double s = 0;
    for (int t = 1; t < x.length; t++) {
      s += 0.5 * (y[t - 1] + y[t]) * (x[t] - x[t - 1]);
    }
    return s;
  }
}
