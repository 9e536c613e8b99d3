package dev.marquee.render.collection;

/**
 * What one collection round did.
 *
 * @param examined assets listed
 * @param deleted orphans deleted
 * @param freedBytes their total size
 * @param keptRecent assets stored within the grace period, not considered
 * @param keptReferenced older assets still referenced (or stored again during the round)
 * @param recovered leftovers of interrupted writes and deletions cleaned up
 */
public record SweepResult(
    long examined,
    long deleted,
    long freedBytes,
    long keptRecent,
    long keptReferenced,
    int recovered) {}
