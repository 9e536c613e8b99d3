package dev.marquee.experiment.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns per-arm, per-audience-group counts into the full result set: per-arm rates, frequentist
 * comparisons with Holm adjustment, Bayesian probabilities, one mSPRT look and the SRM check —
 * pooled over groups and for each group. Arm 0 is the control. Stateless and thread-safe.
 *
 * <p>Pooling adds counts across groups; that is sound because every group shares the experiment's
 * traffic weights, so the pooled arms are still randomised against each other.
 */
public final class ExperimentAnalyzer {

  private final double confidence;
  private final double srmThreshold;
  private final MixtureSequentialTest sequentialTest;

  /**
   * @param confidence two-sided confidence of intervals (e.g. 0.95)
   * @param srmThreshold SRM p-value threshold (e.g. {@link SampleRatioMismatch#DEFAULT_THRESHOLD})
   * @param sequentialTest the mSPRT configuration
   */
  public ExperimentAnalyzer(
      double confidence, double srmThreshold, MixtureSequentialTest sequentialTest) {
    this.confidence = confidence;
    this.srmThreshold = srmThreshold;
    this.sequentialTest = Objects.requireNonNull(sequentialTest, "sequentialTest");
  }

  /** 95 % intervals, SRM at p < 0.001, mSPRT with the default τ. */
  public static ExperimentAnalyzer withDefaults() {
    return new ExperimentAnalyzer(
        0.95, SampleRatioMismatch.DEFAULT_THRESHOLD, MixtureSequentialTest.withDefaults());
  }

  /**
   * Analyses an experiment.
   *
   * @param armIds arm ids, control first
   * @param trafficWeights configured weights, one per arm (for the SRM check)
   * @param countsByGroup for each audience group, counts indexed like {@code armIds}
   */
  public ExperimentResults analyze(
      List<String> armIds, double[] trafficWeights, Map<String, List<ArmCounts>> countsByGroup) {
    int k = armIds.size();
    if (k < 2 || trafficWeights.length != k) {
      throw new IllegalArgumentException("need at least two arms and one weight per arm");
    }
    ArmCounts[] pooled = new ArmCounts[k];
    for (int i = 0; i < k; i++) {
      pooled[i] = ArmCounts.of(0, 0);
    }
    Map<String, GroupResult> byGroup = new LinkedHashMap<>();
    for (Map.Entry<String, List<ArmCounts>> entry : countsByGroup.entrySet()) {
      List<ArmCounts> counts = entry.getValue();
      if (counts.size() != k) {
        throw new IllegalArgumentException("group " + entry.getKey() + " needs one count per arm");
      }
      for (int i = 0; i < k; i++) {
        pooled[i] = pooled[i].plus(counts.get(i));
      }
      byGroup.put(entry.getKey(), analyzeGroup(entry.getKey(), armIds, trafficWeights, counts));
    }
    GroupResult pooledResult =
        analyzeGroup(ExperimentResults.POOLED, armIds, trafficWeights, List.of(pooled));
    return new ExperimentResults(pooledResult, byGroup);
  }

  /** Analyses one group's counts (control first). */
  public GroupResult analyzeGroup(
      String group, List<String> armIds, double[] trafficWeights, List<ArmCounts> counts) {
    int k = counts.size();
    BinomialCounts control = counts.get(0).binomial();
    BetaPosterior[] posteriors = new BetaPosterior[k];
    long[] units = new long[k];
    for (int i = 0; i < k; i++) {
      posteriors[i] = BetaPosterior.fromCounts(counts.get(i).binomial());
      units[i] = counts.get(i).units();
    }
    BayesianArms bayes = BetaBinomialModel.compareArms(List.of(posteriors));

    ProportionComparison[] comparisons = new ProportionComparison[k];
    double[] treatmentPValues = new double[k - 1];
    for (int i = 1; i < k; i++) {
      comparisons[i] = TwoProportionZTest.compare(control, counts.get(i).binomial(), confidence);
      treatmentPValues[i - 1] = comparisons[i].pValue();
    }
    double[] holm = HolmBonferroni.adjust(treatmentPValues);

    RatioSums controlRatio = counts.get(0).clickThrough();
    boolean hasRatio = controlRatio.units() > 0;
    List<ArmResult> arms = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      ArmCounts c = counts.get(i);
      boolean isControl = i == 0;
      arms.add(
          new ArmResult(
              armIds.get(i),
              ArmRate.of(c.binomial(), confidence),
              comparisons[i],
              isControl ? Double.NaN : holm[i - 1],
              bayes.probabilityBeatsControl()[i],
              bayes.probabilityBest()[i],
              bayes.expectedLoss()[i],
              isControl ? null : sequentialTest.look(control, c.binomial()),
              hasRatio ? DeltaMethodRatio.estimate(c.clickThrough()) : null,
              hasRatio && !isControl
                  ? DeltaMethodRatio.compare(controlRatio, c.clickThrough(), confidence)
                  : null));
    }
    SampleRatioMismatch.Result srm = SampleRatioMismatch.test(units, trafficWeights, srmThreshold);
    return new GroupResult(group, arms, srm);
  }
}
