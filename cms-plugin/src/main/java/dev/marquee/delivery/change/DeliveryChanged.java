package dev.marquee.delivery.change;

import java.util.Set;

/**
 * Fired (as a CDI event) when a transaction that changed these segments commits, so the node that
 * made the change refreshes at once instead of waiting for its next poll.
 */
public record DeliveryChanged(Set<DeliverySegment> segments) {
  public DeliveryChanged {
    segments = Set.copyOf(segments);
  }
}
