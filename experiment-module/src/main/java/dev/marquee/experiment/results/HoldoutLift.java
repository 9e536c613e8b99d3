package dev.marquee.experiment.results;

import dev.marquee.experiment.stats.BinomialCounts;
import dev.marquee.experiment.stats.ProportionComparison;

/**
 * The experiment's enrolled viewers (every arm) against the held-out viewers of its audience
 * groups, on the primary metric.
 *
 * @param comparison enrolled as the treatment, holdout as the control
 */
public record HoldoutLift(
    BinomialCounts holdout, BinomialCounts enrolled, ProportionComparison comparison) {}
