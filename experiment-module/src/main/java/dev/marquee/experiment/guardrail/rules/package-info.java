/**
 * The guardrail engine (pure, no Jakarta): decides whether a viewer may see an entry or a variant
 * under the maturity flags, age limits and region rules of a policy.
 */
package dev.marquee.experiment.guardrail.rules;
