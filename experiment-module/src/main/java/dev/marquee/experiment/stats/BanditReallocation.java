package dev.marquee.experiment.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One re-allocation of a bandit in one audience group: Beta(1 + conversions, 1 + failures)
 * posteriors from the viewers counted so far, turned into traffic weights by {@link
 * ThompsonSampling}. Nothing changes until every arm has the minimum sample, so early noise cannot
 * starve an arm. The Monte Carlo is seeded by the caller, so the same counts and seed always give
 * the same weights (a re-allocation can be replayed from the stored counts).
 *
 * @param minimumShare traffic floor per arm (0 ≤ arms × minimumShare ≤ 1)
 * @param minimumSample viewers every arm needs before the first re-allocation
 * @param topTwo top-two Thompson sampling (β = 0.5) instead of plain Thompson sampling
 * @param draws posterior draws of the Monte Carlo estimate of P(best)
 */
public record BanditReallocation(
    double minimumShare, long minimumSample, boolean topTwo, int draws) {

  /** Draws per re-allocation: P(best) to within ±0.005 (one Monte Carlo sd). */
  public static final int DEFAULT_DRAWS = 10_000;

  /** Top-two's probability of playing the leader (Russo 2016 recommends 0.5). */
  public static final double TOP_TWO_BETA = 0.5;

  public BanditReallocation {
    if (!(minimumShare >= 0 && minimumShare <= 1) || minimumSample < 0 || draws < 1) {
      throw new IllegalArgumentException("invalid bandit settings");
    }
  }

  /**
   * The new weights, or empty while some arm has fewer than {@code minimumSample} viewers.
   *
   * @param arms viewers exposed (trials) and converted (successes) per arm, in arm order
   * @param seed the Monte Carlo seed
   */
  public Optional<BanditAllocation> weights(List<BinomialCounts> arms, long seed) {
    if (arms.size() * minimumShare > 1 + 1e-12) {
      throw new IllegalArgumentException("arms x minimumShare must not exceed 1");
    }
    if (arms.stream().anyMatch(a -> a.trials() < minimumSample)) {
      return Optional.empty();
    }
    List<BetaPosterior> posteriors = new ArrayList<>(arms.size());
    arms.forEach(a -> posteriors.add(BetaPosterior.fromCounts(a)));
    ThompsonSampling.Settings settings =
        new ThompsonSampling.Settings(draws, minimumShare, topTwo, TOP_TWO_BETA);
    return Optional.of(ThompsonSampling.allocate(posteriors, settings, seed));
  }
}
