package dev.marquee.experiment.results;

import dev.marquee.experiment.lifecycle.Experiment;
import java.util.List;

/**
 * An experiment's full results.
 *
 * @param holdout null until held-out viewers of its groups have events
 */
public record ResultsSummary(
    Experiment experiment,
    GroupSummary pooled,
    List<GroupSummary> groups,
    List<PeriodCheck> srm,
    HoldoutLift holdout) {}
