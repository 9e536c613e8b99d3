package dev.marquee.experiment.feed;

import dev.marquee.experiment.guardrail.rules.VariantFacts;
import java.util.List;
import java.util.UUID;

/**
 * A rendered variant as the feed serves it, with what guardrails check. Compared by identity: a
 * variant that changes (re-rendered, re-tagged) is a new object in the next snapshot.
 */
public final class FeedVariant {
  private final UUID id;
  private final UUID entryId;
  private final VariantFacts facts;
  private final List<FeedRendition> renditions;
  private final Memo json = new Memo();

  public FeedVariant(UUID id, UUID entryId, VariantFacts facts, List<FeedRendition> renditions) {
    this.id = id;
    this.entryId = entryId;
    this.facts = facts;
    this.renditions = List.copyOf(renditions);
  }

  public UUID id() {
    return id;
  }

  public UUID entryId() {
    return entryId;
  }

  public VariantFacts facts() {
    return facts;
  }

  public List<FeedRendition> renditions() {
    return renditions;
  }

  /** Where the delivery layer keeps this variant's JSON fragments. */
  public Memo json() {
    return json;
  }

  @Override
  public String toString() {
    return "FeedVariant[" + id + " of " + entryId + "]";
  }
}
