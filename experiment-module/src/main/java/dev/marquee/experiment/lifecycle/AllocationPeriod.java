package dev.marquee.experiment.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Arrays;

/**
 * The coverage and weights in force from one instant on. Viewers first assigned in a period were
 * split by its weights, so the SRM check compares each period's new assignments with them.
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

  protected AllocationPeriod() {}

  AllocationPeriod(int period, Instant startedAt, double coverage, double[] weights) {
    this.period = period;
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

  public double getCoverage() {
    return coverage;
  }

  public double[] getWeights() {
    return Arrays.stream(weights.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
