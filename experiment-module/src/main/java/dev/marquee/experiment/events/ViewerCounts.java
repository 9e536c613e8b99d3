package dev.marquee.experiment.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One viewer's counters in one arm, locked (SELECT … FOR UPDATE) while an event is applied so the
 * aggregate deltas derived from it are exact under concurrency.
 */
@Entity
@Table(name = "experiment_viewer_counts")
@IdClass(ViewerCounts.Key.class)
public class ViewerCounts {
  @Id
  @Column(name = "experiment_id")
  private UUID experimentId;

  @Id
  @Column(name = "viewer_key", length = 64)
  private String viewerKey;

  @Id
  @Column(name = "arm_id")
  private UUID armId;

  @Column(name = "audience_group_id", nullable = false)
  private UUID audienceGroupId;

  // the allocation period the viewer belongs to; null for rows from before it was recorded
  @Column(updatable = false)
  private Integer period;

  @Column(nullable = false)
  private long impressions;

  @Column(nullable = false)
  private long clicks;

  @Column(nullable = false)
  private long plays;

  @Column(name = "qualified_plays", nullable = false)
  private long qualifiedPlays;

  protected ViewerCounts() {}

  public long getImpressions() {
    return impressions;
  }

  public long getClicks() {
    return clicks;
  }

  public long getPlays() {
    return plays;
  }

  public long getQualifiedPlays() {
    return qualifiedPlays;
  }

  public UUID getAudienceGroupId() {
    return audienceGroupId;
  }

  /** Whether no event has been counted for the viewer yet (the row was just created). */
  Integer getPeriod() {
    return period;
  }

  boolean isNew() {
    return impressions == 0 && clicks == 0 && plays == 0;
  }

  void add(EventType type, boolean qualified) {
    switch (type) {
      case IMPRESSION -> impressions++;
      case CLICK -> clicks++;
      case PLAY -> {
        plays++;
        if (qualified) {
          qualifiedPlays++;
        }
      }
    }
  }

  /** The composite primary key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID experimentId;
    private String viewerKey;
    private UUID armId;

    public Key() {}

    public Key(UUID experimentId, String viewerKey, UUID armId) {
      this.experimentId = experimentId;
      this.viewerKey = viewerKey;
      this.armId = armId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(experimentId, k.experimentId)
          && Objects.equals(viewerKey, k.viewerKey)
          && Objects.equals(armId, k.armId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(experimentId, viewerKey, armId);
    }
  }
}
