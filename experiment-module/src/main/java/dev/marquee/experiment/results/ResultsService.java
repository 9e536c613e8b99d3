package dev.marquee.experiment.results;

import dev.marquee.experiment.holdout.HoldoutService;
import dev.marquee.experiment.lifecycle.AllocationPeriod;
import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentService;
import dev.marquee.experiment.stats.ArmCounts;
import dev.marquee.experiment.stats.BinomialCounts;
import dev.marquee.experiment.stats.ExperimentAnalyzer;
import dev.marquee.experiment.stats.ExperimentResults;
import dev.marquee.experiment.stats.GroupResult;
import dev.marquee.experiment.stats.MixtureSequentialTest;
import dev.marquee.experiment.stats.PeriodWeighted;
import dev.marquee.experiment.stats.RatioSums;
import dev.marquee.experiment.stats.SampleRatioMismatch;
import dev.marquee.experiment.stats.SequentialState;
import dev.marquee.experiment.stats.TwoProportionZTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Computes results from the aggregates: per group and pooled, control first. The mixture SPRT is
 * replayed over the cumulative counts at the end of each day (plus today), so its always-valid
 * p-value (running minimum) and confidence sequence (running intersection) need no stored state.
 *
 * <p>Next to the pooled statistics every arm gets a period-weighted estimate ({@link
 * PeriodWeighted}): per group over its allocation periods, pooled over (group, period) strata. For
 * bandits, whose weights change with every re-allocation, that is the estimate to decide on.
 */
@ApplicationScoped
@Transactional
public class ResultsService {
  private static final UUID POOLED = new UUID(0, 0);

  @Inject ExperimentService experiments;
  @Inject AggregateReader aggregates;

  private final ExperimentAnalyzer analyzer = ExperimentAnalyzer.withDefaults();
  private final MixtureSequentialTest sequentialTest = MixtureSequentialTest.withDefaults();

  public ResultsSummary results(UUID experimentId) {
    Experiment x = experiments.get(experimentId);
    List<Arm> arms = controlFirst(x.getArms());
    Map<UUID, Integer> armIndex = new HashMap<>();
    for (int i = 0; i < arms.size(); i++) {
      armIndex.put(arms.get(i).getId(), i);
    }
    List<UUID> groups = x.getAudienceGroupIds();

    // cumulative totals per group (and pooled) and arm, and per day for the sequential replay
    Map<UUID, long[][]> totals = new LinkedHashMap<>();
    Map<UUID, TreeMap<LocalDate, long[][]>> byDay = new HashMap<>();
    for (UUID g : groups) {
      totals.put(g, new long[arms.size()][5]);
      byDay.put(g, new TreeMap<>());
    }
    totals.put(POOLED, new long[arms.size()][5]);
    byDay.put(POOLED, new TreeMap<>());
    long[] holdout = new long[2]; // viewers, conversions of held-out viewers in these groups
    for (AggregateReader.Daily d : aggregates.daily(experimentId)) {
      if (HoldoutService.HOLDOUT_ARM.equals(d.arm()) && totals.containsKey(d.group())) {
        holdout[0] += d.viewersExposed();
        holdout[1] += conversions(x, d);
        continue;
      }
      Integer arm = armIndex.get(d.arm());
      if (arm == null || !totals.containsKey(d.group())) {
        continue;
      }
      long[] row = {d.impressions(), d.clicks(), d.plays(), d.viewersExposed(), conversions(x, d)};
      for (UUID g : List.of(d.group(), POOLED)) {
        add(totals.get(g)[arm], row);
        long[][] day = byDay.get(g).computeIfAbsent(d.day(), k -> new long[arms.size()][5]);
        add(day[arm], row);
      }
    }
    Map<UUID, RatioSums[]> ratio = new HashMap<>();
    for (UUID g : totals.keySet()) {
      RatioSums[] empty = new RatioSums[arms.size()];
      java.util.Arrays.fill(empty, RatioSums.EMPTY);
      ratio.put(g, empty);
    }
    for (AggregateReader.Sums s : aggregates.sums(experimentId)) {
      Integer arm = armIndex.get(s.arm());
      if (arm == null || !ratio.containsKey(s.group())) {
        continue;
      }
      RatioSums r = new RatioSums(s.viewers(), s.m(), s.d(), s.mm(), s.dd(), s.md());
      ratio.get(s.group())[arm] = ratio.get(s.group())[arm].plus(r);
      ratio.get(POOLED)[arm] = ratio.get(POOLED)[arm].plus(r);
    }

    List<String> ids = arms.stream().map(a -> a.getId().toString()).toList();
    double[] weights = arms.stream().mapToDouble(Arm::getWeight).toArray();
    Map<String, List<ArmCounts>> counts = new LinkedHashMap<>();
    for (UUID g : groups) {
      counts.put(g.toString(), armCounts(totals.get(g), ratio.get(g)));
    }
    ExperimentResults stats = analyzer.analyze(ids, weights, counts);

    // strata: (group, period) → viewers and conversions per arm, control first
    Map<UUID, Map<Integer, long[][]>> strata = new HashMap<>();
    for (AggregateReader.PeriodOutcome o : aggregates.periodOutcomes(experimentId)) {
      Integer arm = armIndex.get(o.arm());
      if (arm == null || !totals.containsKey(o.group())) {
        continue;
      }
      long[] cell =
          strata.computeIfAbsent(o.group(), k -> new TreeMap<>())
              .computeIfAbsent(o.period(), k -> new long[arms.size()][2])[arm];
      cell[0] += o.viewersExposed();
      cell[1] += periodConversions(x, o);
    }
    List<BinomialCounts[]> allStrata = new ArrayList<>();
    List<GroupSummary> perGroup = new ArrayList<>();
    for (UUID g : groups) {
      List<BinomialCounts[]> groupStrata = binomial(strata.getOrDefault(g, Map.of()));
      allStrata.addAll(groupStrata);
      perGroup.add(
          summary(
              g,
              arms,
              totals.get(g),
              stats.byGroup().get(g.toString()),
              byDay.get(g),
              PeriodWeighted.estimate(groupStrata, 0.95)));
    }
    GroupSummary pooled =
        summary(
            null,
            arms,
            totals.get(POOLED),
            stats.pooled(),
            byDay.get(POOLED),
            PeriodWeighted.estimate(allStrata, 0.95));
    return new ResultsSummary(
        x,
        pooled,
        perGroup,
        periodChecks(x, experimentId),
        holdoutLift(holdout, totals.get(POOLED)));
  }

  /** Enrolled (all arms) against held-out viewers; null without held-out viewers. */
  private static HoldoutLift holdoutLift(long[] holdout, long[][] pooled) {
    if (holdout[0] == 0) {
      return null;
    }
    long viewers = 0;
    long converted = 0;
    for (long[] arm : pooled) {
      viewers += arm[3];
      converted += arm[4];
    }
    BinomialCounts held = new BinomialCounts(holdout[0], Math.min(holdout[1], holdout[0]));
    BinomialCounts enrolled = new BinomialCounts(viewers, Math.min(converted, viewers));
    return new HoldoutLift(held, enrolled, TwoProportionZTest.compare(held, enrolled, 0.95));
  }

  private GroupSummary summary(
      UUID group,
      List<Arm> arms,
      long[][] totals,
      GroupResult stats,
      TreeMap<LocalDate, long[][]> days,
      List<PeriodWeighted.Estimate> weighted) {
    SequentialState[] sequential = replay(arms.size(), days);
    List<ArmSummary> out = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      long[] t = totals[i];
      out.add(
          new ArmSummary(
              arms.get(i),
              t[0],
              t[1],
              t[2],
              t[3],
              t[4],
              stats.arms().get(i),
              sequential[i],
              weighted.isEmpty() ? null : weighted.get(i)));
    }
    return new GroupSummary(group, out);
  }

  /** Folds one mSPRT look per day (cumulative counts) into each treatment arm's state. */
  private SequentialState[] replay(int k, TreeMap<LocalDate, long[][]> days) {
    SequentialState[] states = new SequentialState[k];
    for (int i = 1; i < k; i++) {
      states[i] = SequentialState.INITIAL;
    }
    long[][] cumulative = new long[k][5];
    for (long[][] day : days.values()) {
      for (int i = 0; i < k; i++) {
        add(cumulative[i], day[i]);
      }
      BinomialCounts control = new BinomialCounts(cumulative[0][3], cumulative[0][4]);
      if (control.trials() == 0) {
        continue;
      }
      for (int i = 1; i < k; i++) {
        if (cumulative[i][3] > 0) {
          states[i] =
              states[i].after(
                  sequentialTest.look(
                      control, new BinomialCounts(cumulative[i][3], cumulative[i][4])));
        }
      }
    }
    return states;
  }

  private List<PeriodCheck> periodChecks(Experiment x, UUID experimentId) {
    List<Arm> arms = x.getArms(); // experiment order, like the period's weights
    Map<Integer, long[]> observed = new TreeMap<>();
    for (AllocationPeriod p : x.getAllocationPeriods()) {
      observed.put(p.getPeriod(), new long[arms.size()]);
    }
    for (AggregateReader.PeriodCount c : aggregates.periodCounts(experimentId)) {
      long[] row = observed.get(c.period());
      for (int i = 0; row != null && i < arms.size(); i++) {
        if (arms.get(i).getId().equals(c.arm())) {
          row[i] += c.assignments();
        }
      }
    }
    List<PeriodCheck> checks = new ArrayList<>();
    for (AllocationPeriod p : x.getAllocationPeriods()) {
      long[] row = observed.get(p.getPeriod());
      long total = java.util.Arrays.stream(row).sum();
      checks.add(
          new PeriodCheck(
              p.getPeriod(),
              p.getAudienceGroupId(),
              row,
              total == 0 ? null : SampleRatioMismatch.test(row, p.getWeights())));
    }
    return checks;
  }

  private static List<ArmCounts> armCounts(long[][] totals, RatioSums[] ratio) {
    List<ArmCounts> out = new ArrayList<>();
    for (int i = 0; i < totals.length; i++) {
      out.add(new ArmCounts(totals[i][3], totals[i][4], ratio[i]));
    }
    return out;
  }

  private static List<BinomialCounts[]> binomial(Map<Integer, long[][]> periods) {
    List<BinomialCounts[]> out = new ArrayList<>();
    for (long[][] period : periods.values()) {
      BinomialCounts[] row = new BinomialCounts[period.length];
      for (int i = 0; i < period.length; i++) {
        row[i] = new BinomialCounts(period[i][0], Math.min(period[i][1], period[i][0]));
      }
      out.add(row);
    }
    return out;
  }

  private static long periodConversions(Experiment x, AggregateReader.PeriodOutcome o) {
    return x.getPrimaryMetric()
        .converted(o.viewersClicked(), o.viewersPlayed(), o.viewersQualified());
  }

  private static long conversions(Experiment x, AggregateReader.Daily d) {
    return x.getPrimaryMetric()
        .converted(d.viewersClicked(), d.viewersPlayed(), d.viewersQualified());
  }

  private static List<Arm> controlFirst(List<Arm> arms) {
    List<Arm> ordered = new ArrayList<>();
    arms.stream().filter(Arm::isControl).forEach(ordered::add);
    arms.stream().filter(a -> !a.isControl()).forEach(ordered::add);
    return ordered;
  }

  private static void add(long[] into, long[] row) {
    for (int i = 0; i < row.length; i++) {
      into[i] += row[i];
    }
  }
}
