package dev.marquee.experiment.enrolment;

import dev.marquee.audit.AuditLog;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.assignment.ArmAssigner;
import dev.marquee.experiment.assignment.GrowthBookHash;
import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Assigns viewers to arms: GrowthBook v2 hashing with the experiment's hash seed, coverage and
 * current weights, made sticky by recording the first assignment per (experiment, viewer, bucket
 * version). A viewer keeps that arm when weights or coverage change later; re-randomising (a new
 * bucket version) hashes everyone anew. Only the viewer's HMAC key is stored, and the viewer id is
 * never logged.
 */
@ApplicationScoped
@Transactional
public class AssignmentService {
  private ViewerKeys viewerKeys;
  private AssignmentRepository assignments;

  protected AssignmentService() {}

  @Inject
  public AssignmentService(ViewerKeys viewerKeys, AssignmentRepository assignments) {
    this.viewerKeys = viewerKeys;
    this.assignments = assignments;
  }

  /**
   * Assigns and records (the first time: the viewer's exposure). Only RUNNING experiments enrol; a
   * viewer outside coverage is not recorded, so a later coverage increase can still enrol them.
   */
  public Assignment assign(Experiment experiment, String viewerId, UUID groupId) {
    Assignment a = evaluate(experiment, viewerId, groupId);
    if (!a.enrolled() || a.sticky()) {
      return a;
    }
    String key = viewerKeys.keyOf(viewerId);
    boolean inserted =
        assignments.insertIfAbsent(
            experiment.getId(),
            key,
            experiment.getBucketVersion(),
            a.arm().getId(),
            groupId,
            experiment.currentPeriod(),
            AuditLog.now());
    if (inserted) {
      assignments.countAssignment(experiment.getId(), experiment.currentPeriod(), a.arm().getId());
      return a;
    }
    // a concurrent request recorded the viewer first: theirs is the sticky arm
    return evaluate(experiment, viewerId, groupId);
  }

  /** What {@link #assign} would answer, without recording anything. */
  public Assignment preview(Experiment experiment, String viewerId, UUID groupId) {
    return evaluate(experiment, viewerId, groupId);
  }

  private Assignment evaluate(Experiment experiment, String viewerId, UUID groupId) {
    if (viewerId == null || viewerId.isEmpty()) {
      throw new InvalidInputException(new FieldError("viewerId", "must not be empty"));
    }
    if (!experiment.getAudienceGroupIds().contains(groupId)) {
      throw new InvalidInputException(
          new FieldError("audienceGroupId", "is not one of the experiment's audience groups"));
    }
    double bucket = GrowthBookHash.hash(experiment.hashSeed(), viewerId, 2);
    int version = experiment.getBucketVersion();
    if (experiment.getState() != ExperimentState.RUNNING) {
      return new Assignment(null, bucket, version, false);
    }
    Optional<StickyAssignment> recorded =
        assignments.find(experiment.getId(), viewerKeys.keyOf(viewerId), version);
    if (recorded.isPresent()) {
      UUID armId = recorded.get().getArmId();
      Arm arm =
          experiment.getArms().stream()
              .filter(x -> x.getId().equals(armId))
              .findFirst()
              .orElse(null);
      return new Assignment(arm, bucket, version, true);
    }
    List<Arm> arms = experiment.getArms();
    int index =
        new ArmAssigner(
                experiment.hashSeed(), arms.size(), experiment.getCoverage(), experiment.weights())
            .assign(viewerId);
    return new Assignment(index < 0 ? null : arms.get(index), bucket, version, false);
  }
}
