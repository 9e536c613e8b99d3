/**
 * Deterministic, sticky assignment of viewers to experiment arms, bit-compatible with GrowthBook's
 * SDK hashing and bucketing. Pure Java, no Jakarta EE types, so every node answers the same.
 */
package dev.marquee.experiment.assignment;
