/**
 * The delivery guardrail policy (maturity flags, age limits, region rules): stored, validated,
 * audited, and counts of what it blocked.
 */
package dev.marquee.experiment.guardrail;
