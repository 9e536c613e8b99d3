package dev.marquee.experiment.stats;

/**
 * Across the arms of one experiment: the posterior probability that each arm has the highest rate,
 * and the expected loss (in absolute rate) of shipping it, E[max_i p_i − p_j].
 */
public record BayesianArms(double[] probabilityBest, double[] expectedLoss) {}
