package dev.marquee.experiment.stats;

/**
 * Across the arms of one experiment (arm 0 the control): the posterior probability that each arm
 * has the highest rate, the expected loss (in absolute rate) of shipping it, E[max_i p_i − p_j],
 * and the probability that it beats the control (NaN for the control itself).
 */
public record BayesianArms(
    double[] probabilityBest, double[] expectedLoss, double[] probabilityBeatsControl) {}
