package dev.marquee.experiment.stats;

import java.util.List;

/**
 * Per-arm conversion rates weighted by period instead of pooled (post-stratification over
 * allocation periods). When a bandit moves traffic between arms over time and the conversion rate
 * drifts over time as well, pooled per-arm rates compare arms observed in different mixes of
 * periods (Simpson's paradox). Weighting every period by its share of all viewers compares the arms
 * on the same mix: rate_a = Σ_p π_p·r_{a,p} with π_p = N_p / Σ N, Var(rate_a) = Σ_p π_p²·r_{a,p}(1
 * − r_{a,p})/n_{a,p}. Only periods in which every arm has viewers are used (a period without one
 * arm says nothing about the comparison). Against the control: the difference, its Wald interval
 * and the two-sided z-test p-value.
 */
public final class PeriodWeighted {

  /** The period-weighted estimate of one arm; the comparison fields are NaN for the control. */
  public record Estimate(
      double rate,
      double standardError,
      double uplift,
      double upliftLower,
      double upliftUpper,
      double pValue) {}

  private PeriodWeighted() {}

  /**
   * @param strata one entry per period: counts per arm (control first), same arm order throughout
   * @param confidence two-sided confidence of the uplift interval
   * @return one estimate per arm, or an empty list when no period has viewers in every arm
   */
  public static List<Estimate> estimate(List<BinomialCounts[]> strata, double confidence) {
    List<BinomialCounts[]> usable =
        strata.stream()
            .filter(s -> java.util.Arrays.stream(s).allMatch(c -> c.trials() > 0))
            .toList();
    if (usable.isEmpty()) {
      return List.of();
    }
    int k = usable.get(0).length;
    double total = 0;
    for (BinomialCounts[] s : usable) {
      for (BinomialCounts c : s) {
        total += c.trials();
      }
    }
    double[] rate = new double[k];
    double[] variance = new double[k];
    for (BinomialCounts[] s : usable) {
      double n = 0;
      for (BinomialCounts c : s) {
        n += c.trials();
      }
      double weight = n / total;
      for (int a = 0; a < k; a++) {
        double r = s[a].rate();
        rate[a] += weight * r;
        variance[a] += weight * weight * r * (1 - r) / s[a].trials();
      }
    }
    double z = NormalDistribution.quantile(0.5 + confidence / 2);
    List<Estimate> out = new java.util.ArrayList<>(k);
    out.add(
        new Estimate(
            rate[0], Math.sqrt(variance[0]), Double.NaN, Double.NaN, Double.NaN, Double.NaN));
    for (int a = 1; a < k; a++) {
      double diff = rate[a] - rate[0];
      double se = Math.sqrt(variance[a] + variance[0]);
      double p = se > 0 ? NormalDistribution.twoSidedPValue(diff / se) : Double.NaN;
      out.add(new Estimate(rate[a], Math.sqrt(variance[a]), diff, diff - z * se, diff + z * se, p));
    }
    return out;
  }
}
