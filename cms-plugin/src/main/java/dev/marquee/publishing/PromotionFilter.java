package dev.marquee.publishing;

import java.util.UUID;

/** Filters of the promotion list; all optional. */
public record PromotionFilter(
    UUID entryId, Audience audience, PromotionState state, UUID experimentId) {

  String canonical() {
    return String.join(
        "\u0001",
        String.valueOf(entryId),
        audience == null ? "null" : audience.key(),
        String.valueOf(state),
        String.valueOf(experimentId));
  }
}
