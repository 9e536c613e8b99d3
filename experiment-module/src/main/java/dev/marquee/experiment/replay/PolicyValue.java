package dev.marquee.experiment.replay;

/**
 * A target policy's estimated value (mean reward per decision).
 *
 * @param ips inverse-propensity estimate (1/n)·Σ rᵢ·π(aᵢ)/pᵢ: unbiased when every arm the target
 *     plays had a positive logging probability, but its variance grows with the weights
 * @param ipsStandardError the standard error of {@code ips} (sample sd of the terms / √n)
 * @param selfNormalised Σ rᵢ·wᵢ / Σ wᵢ with wᵢ = π(aᵢ)/pᵢ: slightly biased, much lower variance
 * @param effectiveSampleSize (Σ wᵢ)² / Σ wᵢ², how many on-policy decisions the estimate is worth
 * @param decisions logged decisions used
 */
public record PolicyValue(
    double ips,
    double ipsStandardError,
    double selfNormalised,
    double effectiveSampleSize,
    long decisions) {}
