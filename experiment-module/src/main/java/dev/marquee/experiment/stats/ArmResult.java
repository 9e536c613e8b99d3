package dev.marquee.experiment.stats;

/**
 * Everything computed for one arm in one audience group (or pooled). Comparison fields are null for
 * the control arm, and the click-through fields are null when the ratio metric is not tracked.
 *
 * @param armId the arm
 * @param rate conversion rate with its Wilson interval
 * @param vsControl pooled z-test and uplift intervals against control
 * @param holmAdjustedPValue {@code vsControl}'s p-value adjusted across all treatment arms (NaN for
 *     control)
 * @param probabilityBeatsControl posterior P(rate > control's rate) (NaN for control)
 * @param probabilityBest posterior P(this arm has the highest rate)
 * @param expectedLoss posterior E[max rate − this rate]: the rate given up by shipping this arm
 * @param sequential this look of the mSPRT against control; the caller folds it into its persisted
 *     {@link SequentialState}
 * @param clickThrough click-through ratio with delta-method variance
 * @param clickThroughVsControl difference in click-through against control
 */
public record ArmResult(
    String armId,
    ArmRate rate,
    ProportionComparison vsControl,
    double holmAdjustedPValue,
    double probabilityBeatsControl,
    double probabilityBest,
    double expectedLoss,
    SequentialLook sequential,
    RatioEstimate clickThrough,
    DeltaMethodRatio.Comparison clickThroughVsControl) {}
