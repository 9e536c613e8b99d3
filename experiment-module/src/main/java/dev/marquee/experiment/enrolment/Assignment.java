package dev.marquee.experiment.enrolment;

import dev.marquee.experiment.lifecycle.Arm;

/**
 * Where a viewer lands in an experiment.
 *
 * @param arm the arm, or null when not enrolled
 * @param bucket the viewer's GrowthBook v2 hash in [0, 1) for the current bucket version
 * @param bucketVersion the experiment's bucket version
 * @param sticky whether the arm comes from a recorded assignment rather than the current weights
 */
public record Assignment(Arm arm, double bucket, int bucketVersion, boolean sticky) {
  public boolean enrolled() {
    return arm != null;
  }
}
