package dev.marquee.experiment.stats;

/**
 * Treatment versus control on a conversion rate.
 *
 * @param z pooled two-proportion z statistic
 * @param pValue two-sided p-value of {@code z}
 * @param absoluteUplift p_t − p_c
 * @param absoluteInterval unpooled Wald interval for p_t − p_c
 * @param relativeUplift p_t / p_c − 1 (NaN when the control rate is 0)
 * @param relativeInterval delta-method interval for the relative uplift (NaN bounds when undefined)
 */
public record ProportionComparison(
    double z,
    double pValue,
    double absoluteUplift,
    Interval absoluteInterval,
    double relativeUplift,
    Interval relativeInterval) {}
