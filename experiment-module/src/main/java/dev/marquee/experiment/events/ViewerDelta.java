package dev.marquee.experiment.events;

import java.util.UUID;

/**
 * What one batch adds to one viewer's counter row.
 *
 * @param audienceGroupId the group a new row is created with (an existing row keeps its own)
 * @param period the allocation period a new row is created with (an existing row keeps its own)
 */
public record ViewerDelta(ViewerArm viewer, UUID audienceGroupId, int period, ViewerTotals add) {}
