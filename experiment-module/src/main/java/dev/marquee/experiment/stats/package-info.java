/**
 * The pure statistics engine for experiments: rates and intervals, fixed-horizon and sequential
 * tests, Bayesian Beta-Binomial analysis, SRM, planning, bandit weights and the aggregation of all
 * of them into {@link dev.marquee.experiment.stats.ExperimentResults}. No Jakarta EE types here, so
 * every statistic is unit-tested against independent references; CDI and JAX-RS code wraps it.
 */
package dev.marquee.experiment.stats;
