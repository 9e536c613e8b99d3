package dev.marquee.experiment.enrolment;

import dev.marquee.experiment.lifecycle.Arm;

/**
 * Where a viewer lands in an experiment.
 *
 * @param arm the arm, or null when not enrolled
 * @param bucket the viewer's GrowthBook v2 hash in [0, 1) for the current bucket version
 * @param bucketVersion the experiment's bucket version
 * @param sticky whether the arm comes from a recorded assignment rather than the current weights
 * @param propensity the probability with which the arm was chosen (weight × coverage of the period
 *     it was chosen in), null when not enrolled or recorded before propensities were logged
 * @param holdout whether the viewer is in the global holdout (then never enrolled)
 */
public record Assignment(
    Arm arm, double bucket, int bucketVersion, boolean sticky, Double propensity, boolean holdout) {
  public boolean enrolled() {
    return arm != null;
  }
}
