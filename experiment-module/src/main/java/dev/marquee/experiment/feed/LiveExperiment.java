package dev.marquee.experiment.feed;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running experiment as the feed enrols viewers into it: the hash seed of its bucket version, its
 * arms in order and, per audience group, the allocation period in force.
 */
public record LiveExperiment(
    UUID id,
    UUID entryId,
    String hashSeed,
    int bucketVersion,
    List<LiveArm> arms,
    Map<UUID, LivePeriod> periods) {

  public LiveExperiment {
    arms = List.copyOf(arms);
    periods = Map.copyOf(periods);
  }

  /** An arm and the variant it shows. */
  public record LiveArm(UUID id, UUID variantId) {}

  /** The coverage and weights allocating one group's viewers now. */
  public record LivePeriod(int period, double coverage, double[] weights) {}

  /** The arm with this id, or null (arms never change while running). */
  public LiveArm arm(UUID armId) {
    for (LiveArm a : arms) {
      if (a.id().equals(armId)) {
        return a;
      }
    }
    return null;
  }
}
