package dev.marquee.experiment.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The coverage and weights in force from one instant on, for every audience group of the experiment
 * or (a bandit re-allocation) for one. Viewers first assigned in a period were split by its
 * weights, so the SRM check compares each period's new assignments with them.
 */
@Embeddable
public class AllocationPeriod {
  @Column(nullable = false)
  private int period;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(nullable = false)
  private double coverage;

  // comma-separated, in arm order; short and always read whole
  @Column(nullable = false, length = 400)
  private String weights;

  // null: every audience group of the experiment
  @Column(name = "audience_group_id")
  private UUID audienceGroupId;

  protected AllocationPeriod() {}

  AllocationPeriod(
      int period, Instant startedAt, double coverage, double[] weights, UUID audienceGroupId) {
    this.period = period;
    this.audienceGroupId = audienceGroupId;
    this.startedAt = startedAt;
    this.coverage = coverage;
    this.weights =
        String.join(",", Arrays.stream(weights).mapToObj(Double::toString).toArray(String[]::new));
  }

  public int getPeriod() {
    return period;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  /** The one audience group this period applies to, or null for all of them. */
  public UUID getAudienceGroupId() {
    return audienceGroupId;
  }

  /** Whether viewers of {@code group} are allocated by this period (when it is the latest). */
  public boolean appliesTo(UUID group) {
    return audienceGroupId == null || audienceGroupId.equals(group);
  }

  public double getCoverage() {
    return coverage;
  }

  public double[] getWeights() {
    return Arrays.stream(weights.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
