package dev.marquee.experiment.feed;

import dev.marquee.experiment.guardrail.rules.VariantFacts;
import java.util.List;
import java.util.UUID;

/** A rendered variant as the feed serves it, with what guardrails check. */
public record FeedVariant(
    UUID id, UUID entryId, VariantFacts facts, List<FeedRendition> renditions) {
  public FeedVariant {
    renditions = List.copyOf(renditions);
  }
}
