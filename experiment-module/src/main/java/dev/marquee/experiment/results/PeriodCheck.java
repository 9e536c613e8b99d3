package dev.marquee.experiment.results;

import dev.marquee.experiment.stats.SampleRatioMismatch;

/**
 * The SRM check of one allocation period.
 *
 * @param assignments new assignments per arm (experiment arm order)
 * @param srm null when the period has no assignments yet
 */
public record PeriodCheck(int period, long[] assignments, SampleRatioMismatch.Result srm) {}
