package dev.marquee.experiment.enrolment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A viewer's arm in one experiment and bucket version, keyed by the pseudonymous viewer key. The
 * first (and only) row per key is also the viewer's exposure. Inserted with {@link
 * AssignmentRepository#insertIfAbsent}, never updated.
 */
@Entity
@Table(name = "experiment_assignment")
@IdClass(StickyAssignment.Key.class)
public class StickyAssignment {
  @Id
  @Column(name = "experiment_id")
  private UUID experimentId;

  @Id
  @Column(name = "viewer_key", length = 64)
  private String viewerKey;

  @Id
  @Column(name = "bucket_version")
  private int bucketVersion;

  @Column(name = "arm_id", nullable = false)
  private UUID armId;

  @Column(name = "audience_group_id", nullable = false)
  private UUID audienceGroupId;

  @Column(nullable = false)
  private int period;

  @Column(name = "assigned_at", nullable = false)
  private Instant assignedAt;

  @Column private Double propensity;

  protected StickyAssignment() {}

  public UUID getExperimentId() {
    return experimentId;
  }

  public int getBucketVersion() {
    return bucketVersion;
  }

  public UUID getArmId() {
    return armId;
  }

  public UUID getAudienceGroupId() {
    return audienceGroupId;
  }

  public int getPeriod() {
    return period;
  }

  /** Weight × coverage the arm was chosen with; null for rows from before it was logged. */
  public Double getPropensity() {
    return propensity;
  }

  public Instant getAssignedAt() {
    return assignedAt;
  }

  /** The composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID experimentId;
    private String viewerKey;
    private int bucketVersion;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(experimentId, k.experimentId)
          && Objects.equals(viewerKey, k.viewerKey)
          && bucketVersion == k.bucketVersion;
    }

    @Override
    public int hashCode() {
      return Objects.hash(experimentId, viewerKey, bucketVersion);
    }
  }
}
