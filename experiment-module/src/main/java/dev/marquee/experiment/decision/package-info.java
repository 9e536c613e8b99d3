/**
 * Decisions: each experiment's decision rule, evaluated on demand or on a schedule, and the
 * decision that ends the experiment and hands the winning arm's variant to publishing as a
 * proposal.
 */
package dev.marquee.experiment.decision;
