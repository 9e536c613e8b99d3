package dev.marquee.experiment.bench;

import dev.marquee.experiment.stats.ArmCounts;
import dev.marquee.experiment.stats.ExperimentAnalyzer;
import dev.marquee.experiment.stats.ExperimentResults;
import dev.marquee.experiment.stats.RatioSums;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The full statistics of an experiment with 10 arms and 20 audience groups (plus the pooled view):
 * Wilson intervals, z-tests with Holm–Bonferroni, Beta-Binomial P(beat control), P(best) and
 * expected loss, delta-method click-through, mSPRT and SRM, from seeded counts of about 20,000
 * viewers per arm and group.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ResultsBenchmark {
  static final int ARMS = 10;
  static final int GROUPS = 20;

  private final ExperimentAnalyzer analyzer = ExperimentAnalyzer.withDefaults();
  private final List<String> armIds = new ArrayList<>();
  private final double[] weights = new double[ARMS];
  private final Map<String, List<ArmCounts>> counts = new LinkedHashMap<>();

  @Setup
  public void counts() {
    SplittableRandom random = new SplittableRandom(20261123);
    for (int a = 0; a < ARMS; a++) {
      armIds.add("arm-" + a);
      weights[a] = 1.0 / ARMS;
    }
    for (int g = 0; g < GROUPS; g++) {
      List<ArmCounts> arms = new ArrayList<>();
      for (int a = 0; a < ARMS; a++) {
        long viewers = 18_000 + random.nextInt(4_000);
        double ctr = 0.04 + 0.002 * a;
        double impressions = viewers * 3.2;
        double clicks = impressions * ctr;
        long converted = Math.round(viewers * ctr * 2.4);
        RatioSums sums =
            new RatioSums(
                viewers, clicks, impressions, clicks * 1.6, impressions * 4.1, clicks * 3.9);
        arms.add(new ArmCounts(viewers, converted, sums));
      }
      counts.put("group-" + g, arms);
    }
  }

  @Benchmark
  public ExperimentResults results() {
    return analyzer.analyze(armIds, weights, counts);
  }
}
