/**
 * Experiment results: reads the aggregates (never raw events) and runs the pure statistics engine
 * per audience group and pooled, with the sequential test replayed over daily cumulative counts.
 */
package dev.marquee.experiment.results;
