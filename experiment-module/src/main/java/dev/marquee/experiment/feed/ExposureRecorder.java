package dev.marquee.experiment.feed;

import dev.marquee.audit.AuditLog;
import dev.marquee.experiment.enrolment.AssignmentRepository;
import dev.marquee.experiment.enrolment.StickyAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The feed's only database work in a request, and only for a viewer this node has not seen in the
 * experiment: looking up the sticky assignment, or recording the first one (the exposure) with its
 * count for the sample-ratio check, each in its own short transaction.
 */
@ApplicationScoped
public class ExposureRecorder {
  @Inject AssignmentRepository assignments;

  /** The arm recorded for the viewer in this bucket version, if any. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<UUID> recordedArm(UUID experimentId, String viewerKey, int bucketVersion) {
    return assignments.find(experimentId, viewerKey, bucketVersion).map(StickyAssignment::getArmId);
  }

  /**
   * Records the first assignment unless another request (on any node) recorded one first.
   *
   * @return the viewer's sticky arm: {@code armId}, or the one recorded first
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public UUID recordFirst(
      UUID experimentId,
      String viewerKey,
      int bucketVersion,
      UUID armId,
      UUID groupId,
      int period,
      double propensity) {
    boolean inserted =
        assignments.insertIfAbsent(
            experimentId,
            viewerKey,
            bucketVersion,
            armId,
            groupId,
            period,
            propensity,
            AuditLog.now());
    if (inserted) {
      assignments.countAssignment(experimentId, period, armId);
      return armId;
    }
    return assignments
        .find(experimentId, viewerKey, bucketVersion)
        .map(StickyAssignment::getArmId)
        .orElse(armId);
  }
}
