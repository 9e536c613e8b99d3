package dev.marquee.experiment.stats;

/**
 * Traffic weights chosen by a bandit, with what they were derived from so that the allocation can
 * be audited and replayed.
 *
 * @param weights traffic weight per arm, summing to 1, each at least the minimum share
 * @param probabilityBest the Monte Carlo estimate of P(arm is best) behind the weights
 * @param draws posterior draws per arm
 * @param seed the random seed used
 */
public record BanditAllocation(double[] weights, double[] probabilityBest, int draws, long seed) {}
