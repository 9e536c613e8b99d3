package dev.marquee.experiment.enrolment;

import dev.marquee.audit.AuditLog;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.assignment.ArmAssigner;
import dev.marquee.experiment.assignment.GrowthBookHash;
import dev.marquee.experiment.holdout.HoldoutService;
import dev.marquee.experiment.lifecycle.AllocationPeriod;
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
 * Assigns viewers to arms: viewers in the global holdout never; the others by GrowthBook v2 hashing
 * with the experiment's hash seed and the coverage and weights of the period in force for their
 * audience group (a bandit's differ per group), made sticky by recording the first assignment per
 * (experiment, viewer, bucket version). A viewer keeps that arm when weights or coverage change
 * later; re-randomising (a new bucket version) hashes everyone anew. Only the viewer's HMAC key is
 * stored, and the viewer id is never logged. The first assignment records the probability its arm
 * was chosen with (weight × coverage), the propensity that offline replay weighs events by.
 */
@ApplicationScoped
@Transactional
public class AssignmentService {
  private ViewerKeys viewerKeys;
  private AssignmentRepository assignments;
  private HoldoutService holdout;

  protected AssignmentService() {}

  @Inject
  public AssignmentService(
      ViewerKeys viewerKeys, AssignmentRepository assignments, HoldoutService holdout) {
    this.viewerKeys = viewerKeys;
    this.assignments = assignments;
    this.holdout = holdout;
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
    int period = experiment.periodFor(groupId).getPeriod();
    boolean inserted =
        assignments.insertIfAbsent(
            experiment.getId(),
            key,
            experiment.getBucketVersion(),
            a.arm().getId(),
            groupId,
            period,
            a.propensity(),
            AuditLog.now());
    if (inserted) {
      assignments.countAssignment(experiment.getId(), period, a.arm().getId());
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
    if (holdout.current().contains(viewerId)) {
      return new Assignment(null, bucket, version, false, null, true);
    }
    if (experiment.getState() != ExperimentState.RUNNING) {
      return new Assignment(null, bucket, version, false, null, false);
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
      return new Assignment(arm, bucket, version, true, recorded.get().getPropensity(), false);
    }
    List<Arm> arms = experiment.getArms();
    AllocationPeriod period = experiment.periodFor(groupId);
    double[] weights = period.getWeights();
    int index =
        new ArmAssigner(experiment.hashSeed(), arms.size(), period.getCoverage(), weights)
            .assign(viewerId);
    if (index < 0) {
      return new Assignment(null, bucket, version, false, null, false);
    }
    return new Assignment(
        arms.get(index), bucket, version, false, period.getCoverage() * weights[index], false);
  }
}
