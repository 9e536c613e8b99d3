package dev.marquee.experiment.enrolment;

import java.util.UUID;

/**
 * The arm a viewer's sticky assignment recorded, as event ingestion needs it.
 *
 * @param period the allocation period the viewer was assigned in
 * @param propensity the probability the arm was chosen with; null for rows from before it was
 *     logged
 */
public record RecordedArm(String viewerKey, UUID armId, int period, Double propensity) {}
