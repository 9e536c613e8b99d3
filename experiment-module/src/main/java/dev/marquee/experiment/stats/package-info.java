/**
 * The pure statistics engine for experiments. No Jakarta EE types here, so every statistic is
 * unit-tested against independent references; CDI and JAX-RS code wraps it.
 */
package dev.marquee.experiment.stats;
