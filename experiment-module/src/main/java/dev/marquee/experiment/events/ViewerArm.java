package dev.marquee.experiment.events;

import java.util.Comparator;
import java.util.UUID;

/**
 * One viewer (by pseudonymous key) in one arm of one experiment: the key of a per-viewer counter
 * row. The natural order is the order in which concurrent batches lock these rows.
 */
public record ViewerArm(UUID experimentId, String viewerKey, UUID armId)
    implements Comparable<ViewerArm> {
  private static final Comparator<ViewerArm> ORDER =
      Comparator.comparing(ViewerArm::experimentId)
          .thenComparing(ViewerArm::viewerKey)
          .thenComparing(ViewerArm::armId);

  @Override
  public int compareTo(ViewerArm o) {
    return ORDER.compare(this, o);
  }
}
