package dev.marquee.experiment.events;

import java.util.UUID;

/**
 * A per-viewer counter row as one batch found it.
 *
 * @param audienceGroupId the group the viewer is counted in (that of their first counted event)
 * @param period the allocation period the viewer belongs to; null for rows from before periods
 * @param before the totals before the batch's events were added
 */
public record ViewerCounter(UUID audienceGroupId, Integer period, ViewerTotals before) {}
