/**
 * The pure audience-rule evaluator: viewer facts, rules, ordered group resolution and tag-affinity
 * derivation. No Jakarta EE types, so the feed can evaluate it in microseconds on every request.
 */
package dev.marquee.experiment.audience.rules;
