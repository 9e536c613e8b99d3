/**
 * JMH benchmarks of the experiment engines (assignment, statistics), run by {@code
 * benchmarks/experiments.sh} (docs/benchmarks.md). Not unit tests.
 */
package dev.marquee.experiment.bench;
