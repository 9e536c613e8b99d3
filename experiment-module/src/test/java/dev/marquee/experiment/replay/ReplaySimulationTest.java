package dev.marquee.experiment.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.experiment.stats.BanditAllocation;
import dev.marquee.experiment.stats.BanditReallocation;
import dev.marquee.experiment.stats.BinomialCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded simulation behind the user guide's replay numbers: a three-arm bandit (Thompson sampling,
 * 5 % floor, 500 viewers per arm before the first re-allocation, re-allocated every 5,000 viewers)
 * and a uniform A/B/n test each serve 60,000 viewers with known conversion rates, log every arm
 * with its propensity, and are then evaluated against each other offline by IPS and SNIPS.
 *
 * <p>Run: {@code mvn -B -q -pl experiment-module -am test -Dspotless.check.skip=true
 * -Dtest=ReplaySimulationTest -Dsurefire.failIfNoSpecifiedTests=false} (prints the table).
 */
class ReplaySimulationTest {
  static final double[] RATES = {0.040, 0.050, 0.065};
  static final int VIEWERS = 60_000;
  static final int BATCH = 5_000;
  static final BanditReallocation BANDIT = new BanditReallocation(0.05, 500, false, 10_000);

  /**
   * The log, and the weights in force in each batch of {@link #BATCH} viewers (the decision's
   * period is its batch, so the bandit's weights can be replayed as a target on any log).
   */
  record Run(List<LoggedDecision> log, List<double[]> periodWeights) {
    double meanReward() {
      return log.stream().mapToDouble(LoggedDecision::reward).sum() / log.size();
    }

    /** The policy that logged the data, as a target: its weights in each period. */
    TargetPolicy asTarget() {
      return (d, arm) -> periodWeights.get(d.period() - 1)[arm];
    }
  }

  static Run simulate(boolean bandit, long seed, int viewers, BanditReallocation settings) {
    SplittableRandom random = new SplittableRandom(seed);
    int k = RATES.length;
    double[] weights = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    List<double[]> periods = new ArrayList<>(List.of(weights.clone()));
    long[] trials = new long[k];
    long[] successes = new long[k];
    List<LoggedDecision> log = new ArrayList<>(viewers);
    for (int v = 0; v < viewers; v++) {
      if (v > 0 && v % BATCH == 0) {
        periods.add(weights.clone());
      }
      if (bandit && v > 0 && v % BATCH == 0) {
        List<BinomialCounts> counts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          counts.add(new BinomialCounts(trials[i], successes[i]));
        }
        var next = settings.weights(counts, seed * 31 + v);
        if (next.isPresent()) {
          BanditAllocation allocation = next.get();
          weights = allocation.weights();
          periods.set(periods.size() - 1, weights.clone());
        }
      }
      double u = random.nextDouble();
      int arm = 0;
      double cumulative = weights[0];
      while (u >= cumulative && arm < k - 1) {
        cumulative += weights[++arm];
      }
      double reward = random.nextDouble() < RATES[arm] ? 1 : 0;
      trials[arm]++;
      successes[arm] += (long) reward;
      log.add(new LoggedDecision(periods.size(), arm, weights[arm], reward));
    }
    return new Run(log, periods);
  }

  static double value(double[] weights) {
    double v = 0;
    for (int i = 0; i < RATES.length; i++) {
      v += weights[i] * RATES[i];
    }
    return v;
  }

  @Test
  void replayComparesTheBanditWithUniformOnTheSameLogs() {
    Run bandit = simulate(true, 20261123L, VIEWERS, BANDIT);
    Run uniform = simulate(false, 20261124L, VIEWERS, BANDIT);
    double uniformTruth = value(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});
    double[] finalWeights = bandit.periodWeights().get(bandit.periodWeights().size() - 1);
    double finalTruth = value(finalWeights);
    // every batch has BATCH viewers, so the bandit's expected value is the mean over batches
    double banditTruth =
        bandit.periodWeights().stream().mapToDouble(ReplaySimulationTest::value).sum()
            / bandit.periodWeights().size();

    // On the bandit's log: what uniform A/B/n would have earned
    PolicyValue uniformOnBandit =
        InversePropensityEvaluator.evaluate(bandit.log(), TargetPolicy.uniform(3));
    // On the uniform log: what the bandit (its period weights, replayed) would have earned
    PolicyValue banditOnUniform =
        InversePropensityEvaluator.evaluate(uniform.log(), bandit.asTarget());
    // On the uniform log: the bandit's final allocation as a fixed policy
    PolicyValue finalOnUniform =
        InversePropensityEvaluator.evaluate(uniform.log(), TargetPolicy.fixed(finalWeights));

    print("bandit, on-policy (mean reward)", bandit.meanReward(), banditTruth, Double.NaN);
    print("uniform, on-policy (mean reward)", uniform.meanReward(), uniformTruth, Double.NaN);
    print("uniform, IPS on the bandit's log", uniformOnBandit, uniformTruth);
    print("bandit, IPS on the uniform log", banditOnUniform, banditTruth);
    print("bandit's final weights, IPS on the uniform log", finalOnUniform, finalTruth);
    System.out.printf(
        Locale.ROOT,
        "bandit batches: %d, final weights %.3f/%.3f/%.3f%n",
        bandit.periodWeights().size(),
        finalWeights[0],
        finalWeights[1],
        finalWeights[2]);

    // the bandit earned more than uniform would have, on its own log and on uniform's
    assertThat(bandit.meanReward()).isGreaterThan(uniformOnBandit.ips() + 0.003);
    assertThat(banditOnUniform.selfNormalised()).isGreaterThan(uniform.meanReward());
    // IPS recovers the known value within 4 standard errors
    assertThat(Math.abs(uniformOnBandit.ips() - uniformTruth))
        .isLessThan(4 * uniformOnBandit.ipsStandardError());
    assertThat(Math.abs(banditOnUniform.ips() - banditTruth))
        .isLessThan(4 * banditOnUniform.ipsStandardError());
    assertThat(Math.abs(finalOnUniform.ips() - finalTruth))
        .isLessThan(4 * finalOnUniform.ipsStandardError());
    // most traffic ended on the best arm, every arm kept its floor
    assertThat(finalWeights[2]).isGreaterThan(0.6);
    for (double w : finalWeights) {
      assertThat(w).isGreaterThanOrEqualTo(0.05);
    }
  }

  @Test
  void ipsIsUnbiasedAcrossRepeatedBanditRuns() {
    // 200 seeded bandit runs of 10,000 viewers: the average IPS estimate of uniform's value is
    // within 4 standard errors (of that average) of the truth
    BanditReallocation quick = new BanditReallocation(0.05, 200, false, 2_000);
    int runs = 200;
    double[] estimates = new double[runs];
    for (int r = 0; r < runs; r++) {
      Run run = simulate(true, 1000L + r, 10_000, quick);
      estimates[r] = InversePropensityEvaluator.evaluate(run.log(), TargetPolicy.uniform(3)).ips();
    }
    double mean = java.util.Arrays.stream(estimates).sum() / runs;
    double sd =
        Math.sqrt(
            java.util.Arrays.stream(estimates).map(e -> (e - mean) * (e - mean)).sum()
                / (runs - 1));
    double truth = value(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});
    System.out.printf(
        Locale.ROOT, "200 runs: mean IPS %.5f (truth %.5f), sd of one run %.5f%n", mean, truth, sd);
    assertThat(Math.abs(mean - truth)).isLessThan(4 * sd / Math.sqrt(runs));
  }

  private static void print(String label, PolicyValue v, double truth) {
    System.out.printf(
        Locale.ROOT,
        "%-48s IPS %.5f ± %.5f  SNIPS %.5f  ESS %8.0f  truth %s%n",
        label,
        v.ips(),
        1.96 * v.ipsStandardError(),
        v.selfNormalised(),
        v.effectiveSampleSize(),
        Double.isNaN(truth) ? "-" : String.format(Locale.ROOT, "%.5f", truth));
  }

  private static void print(String label, double value, double truth, double unused) {
    System.out.printf(
        Locale.ROOT,
        "%-48s mean %.5f  truth %s%n",
        label,
        value,
        Double.isNaN(truth) ? "-" : String.format(Locale.ROOT, "%.5f", truth));
  }
}
