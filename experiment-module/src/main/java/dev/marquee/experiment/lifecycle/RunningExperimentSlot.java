package dev.marquee.experiment.lifecycle;

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
 * The claim of one (entry, audience group) by a RUNNING or PAUSED experiment. The primary key is
 * the database-enforced lock: two nodes starting competing experiments cannot both insert it.
 */
@Entity
@Table(name = "running_experiment_slot")
@IdClass(RunningExperimentSlot.Key.class)
public class RunningExperimentSlot {
  @Id
  @Column(name = "entry_id")
  private UUID entryId;

  @Id
  @Column(name = "audience_group_id")
  private UUID audienceGroupId;

  @Column(name = "experiment_id", nullable = false)
  private UUID experimentId;

  @Column(name = "claimed_at", nullable = false)
  private Instant claimedAt;

  protected RunningExperimentSlot() {}

  RunningExperimentSlot(UUID entryId, UUID audienceGroupId, UUID experimentId, Instant now) {
    this.entryId = entryId;
    this.audienceGroupId = audienceGroupId;
    this.experimentId = experimentId;
    this.claimedAt = now;
  }

  public UUID getEntryId() {
    return entryId;
  }

  public UUID getAudienceGroupId() {
    return audienceGroupId;
  }

  public UUID getExperimentId() {
    return experimentId;
  }

  /** The composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID entryId;
    private UUID audienceGroupId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(entryId, k.entryId)
          && Objects.equals(audienceGroupId, k.audienceGroupId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(entryId, audienceGroupId);
    }
  }
}
