/**
 * Bandit mode: re-allocates a BANDIT experiment's traffic per audience group by Thompson sampling
 * on the counts, on a schedule that several nodes share through a database claim.
 */
package dev.marquee.experiment.bandit;
