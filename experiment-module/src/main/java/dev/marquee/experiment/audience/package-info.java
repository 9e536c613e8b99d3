/**
 * Audience groups: their storage, validation against the tag vocabulary, ordering, and resolving a
 * viewer context (with tag affinities derived from viewing history) through the pure rule engine.
 */
package dev.marquee.experiment.audience;
