package dev.marquee.experiment.results;

import dev.marquee.experiment.lifecycle.Experiment;
import java.util.List;

/** An experiment's full results. */
public record ResultsSummary(
    Experiment experiment, GroupSummary pooled, List<GroupSummary> groups, List<PeriodCheck> srm) {}
