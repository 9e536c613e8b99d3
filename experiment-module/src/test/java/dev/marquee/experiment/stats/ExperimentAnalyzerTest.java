package dev.marquee.experiment.stats;

import static dev.marquee.experiment.stats.Close.relative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExperimentAnalyzerTest {

  private static final List<String> ARMS = List.of("control", "close-up", "ensemble");
  private static final double[] EQUAL = {1 / 3.0, 1 / 3.0, 1 / 3.0};

  private static Map<String, List<ArmCounts>> twoGroups() {
    Map<String, List<ArmCounts>> groups = new LinkedHashMap<>();
    groups.put(
        "adults",
        List.of(
            ArmCounts.of(10_000, 1_000), ArmCounts.of(10_000, 1_100), ArmCounts.of(10_000, 980)));
    groups.put(
        "kids",
        List.of(ArmCounts.of(5_000, 400), ArmCounts.of(5_400, 470), ArmCounts.of(5_000, 410)));
    return groups;
  }

  @Test
  void pooledResultsSumGroupsAndMatchScipy() {
    ExperimentResults results = ExperimentAnalyzer.withDefaults().analyze(ARMS, EQUAL, twoGroups());
    GroupResult pooled = results.pooled();
    assertThat(pooled.group()).isEqualTo(ExperimentResults.POOLED);
    assertThat(pooled.arms().get(1).rate().counts()).isEqualTo(new BinomialCounts(15_400, 1_570));

    // pooled z-test p-values, 15000/1400 vs 15400/1570 and vs 15000/1390 (pp=(xc+xt)/(nc+nt);
    // z=(pt-pc)/np.sqrt(pp*(1-pp)*(1/nc+1/nt)); 2*stats.norm.sf(abs(z)))
    relative(pooled.arms().get(1).vsControl().pValue(), zP(15_000, 1_400, 15_400, 1_570), 1e-12);
    // Holm over the two treatment p-values equals HolmBonferroni on them (tested against Python)
    double[] raw = {
      pooled.arms().get(1).vsControl().pValue(), pooled.arms().get(2).vsControl().pValue()
    };
    double[] holm = HolmBonferroni.adjust(raw);
    assertThat(pooled.arms().get(1).holmAdjustedPValue()).isEqualTo(holm[0]);
    assertThat(pooled.arms().get(2).holmAdjustedPValue()).isEqualTo(holm[1]);

    // control carries no comparison
    ArmResult control = pooled.arms().get(0);
    assertThat(control.vsControl()).isNull();
    assertThat(control.sequential()).isNull();
    assertThat(control.probabilityBeatsControl()).isNaN();

    double bestSum = pooled.arms().stream().mapToDouble(ArmResult::probabilityBest).sum();
    assertThat(bestSum).isCloseTo(1, within(1e-12));
    assertThat(pooled.arms().get(1).probabilityBest()).isGreaterThan(0.9);
  }

  private static double zP(long nc, long xc, long nt, long xt) {
    return TwoProportionZTest.compare(new BinomialCounts(nc, xc), new BinomialCounts(nt, xt), 0.95)
        .pValue();
  }

  @Test
  void perGroupSampleRatioMismatchIsFlagged() {
    ExperimentResults results = ExperimentAnalyzer.withDefaults().analyze(ARMS, EQUAL, twoGroups());
    // stats.chisquare([5000,5400,5000]) -> statistic 20.779220779220783, p 3.075031285520821e-05
    SampleRatioMismatch.Result kids = results.byGroup().get("kids").srm();
    relative(kids.chiSquare(), 20.779220779220783, 1e-12);
    relative(kids.pValue(), 3.075031285520821e-05, 1e-9);
    assertThat(kids.mismatch()).isTrue();
    // stats.chisquare([10000,10000,10000]).pvalue = 1.0
    assertThat(results.byGroup().get("adults").srm().mismatch()).isFalse();
  }

  @Test
  void ratioMetricIsReportedWhenTracked() {
    RatioSums a = RatioSums.EMPTY.plus(1, 5).plus(0, 4).plus(2, 6);
    RatioSums b = RatioSums.EMPTY.plus(2, 5).plus(1, 4).plus(2, 6);
    GroupResult group =
        ExperimentAnalyzer.withDefaults()
            .analyzeGroup(
                "g",
                List.of("c", "t"),
                new double[] {0.5, 0.5},
                List.of(new ArmCounts(3, 2, a), new ArmCounts(3, 3, b)));
    assertThat(group.arms().get(0).clickThrough().ratio()).isEqualTo(3 / 15.0);
    assertThat(group.arms().get(1).clickThroughVsControl().difference())
        .isCloseTo(5 / 15.0 - 3 / 15.0, within(1e-15));
  }

  @Test
  void tenArmsTimesTwentyGroupsIsCheap() {
    int arms = 10;
    List<String> ids = new ArrayList<>();
    double[] weights = new double[arms];
    for (int i = 0; i < arms; i++) {
      ids.add("arm-" + i);
      weights[i] = 1.0 / arms;
    }
    SplittableRandom random = new SplittableRandom(3);
    Map<String, List<ArmCounts>> groups = new LinkedHashMap<>();
    for (int g = 0; g < 20; g++) {
      List<ArmCounts> counts = new ArrayList<>();
      for (int i = 0; i < arms; i++) {
        long n = 200_000 + random.nextInt(1_000);
        counts.add(ArmCounts.of(n, (long) (n * (0.05 + 0.002 * random.nextDouble()))));
      }
      groups.put("group-" + g, counts);
    }
    ExperimentAnalyzer analyzer = ExperimentAnalyzer.withDefaults();
    ExperimentResults results = null;
    for (int rep = 0; rep < 20; rep++) { // warm-up for a meaningful timing in the log
      results = analyzer.analyze(ids, weights, groups);
    }
    long start = System.nanoTime();
    results = analyzer.analyze(ids, weights, groups);
    long micros = (System.nanoTime() - start) / 1_000;
    System.out.println("10 arms x 20 groups analysed in " + micros + " us");
    assertThat(results.byGroup()).hasSize(20);
    assertThat(results.pooled().arms()).hasSize(arms);
  }

  @Test
  void emptyGroupYieldsUninformativeResultsInsteadOfFailing() {
    GroupResult empty =
        ExperimentAnalyzer.withDefaults()
            .analyzeGroup(
                "new",
                List.of("c", "t"),
                new double[] {0.5, 0.5},
                List.of(ArmCounts.of(0, 0), ArmCounts.of(0, 0)));
    assertThat(empty.srm().mismatch()).isFalse();
    assertThat(empty.arms().get(1).vsControl().pValue()).isEqualTo(1.0);
    assertThat(empty.arms().get(1).sequential().pValue()).isEqualTo(1.0);
    assertThat(empty.arms().get(1).probabilityBeatsControl()).isCloseTo(0.5, within(1e-9));
    assertThat(empty.arms().get(0).rate().interval()).isEqualTo(new Interval(0, 1));
  }
}
