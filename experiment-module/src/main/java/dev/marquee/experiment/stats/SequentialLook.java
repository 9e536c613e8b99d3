package dev.marquee.experiment.stats;

/**
 * One look of the mixture SPRT.
 *
 * @param difference the estimated effect θ̂ (treatment − control)
 * @param likelihoodRatio the mixture likelihood ratio Λ at this look
 * @param pValue min(1, 1/Λ): valid at this look alone; take the running minimum across looks
 * @param confidenceSequence the set of θ not rejected at this look
 */
public record SequentialLook(
    double difference, double likelihoodRatio, double pValue, Interval confidenceSequence) {}
