package dev.marquee.experiment.results;

import dev.marquee.experiment.stats.SampleRatioMismatch;
import java.util.UUID;

/**
 * The SRM check of one allocation period.
 *
 * @param audienceGroupId the one group the period allocates, null for all
 * @param assignments new assignments per arm (experiment arm order)
 * @param srm null when the period has no assignments yet
 */
public record PeriodCheck(
    int period, UUID audienceGroupId, long[] assignments, SampleRatioMismatch.Result srm) {}
