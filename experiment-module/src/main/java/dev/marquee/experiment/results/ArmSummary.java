package dev.marquee.experiment.results;

import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.stats.ArmResult;
import dev.marquee.experiment.stats.PeriodWeighted;
import dev.marquee.experiment.stats.SequentialState;

/**
 * One arm's results in one group (or pooled): raw totals, the analyzer's statistics and the
 * sequential state after replaying every daily look (null for the control), and the period-weighted
 * estimate (null until a period has viewers in every arm).
 */
public record ArmSummary(
    Arm arm,
    long impressions,
    long clicks,
    long plays,
    long viewers,
    long conversions,
    ArmResult statistics,
    SequentialState sequential,
    PeriodWeighted.Estimate periodWeighted) {}
