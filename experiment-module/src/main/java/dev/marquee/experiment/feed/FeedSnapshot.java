package dev.marquee.experiment.feed;

import dev.marquee.delivery.change.DeliverySegment;
import dev.marquee.experiment.audience.rules.AudienceResolver;
import dev.marquee.experiment.guardrail.rules.GuardrailRules;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the feed reads, in memory and immutable: a request never touches the database for it.
 * Each part is rebuilt on its own when its {@link DeliverySegment} changes.
 */
public record FeedSnapshot(
    Catalog catalog,
    Variants variants,
    Map<ArtworkKey, UUID> artwork,
    AudienceResolver audiences,
    Map<SlotKey, LiveExperiment> running,
    GuardrailRules guardrails,
    Map<String, FeedRowView> rows) {

  /** Entries by id and by external id. */
  public record Catalog(Map<UUID, FeedEntry> byId, Map<String, FeedEntry> byExternalId) {}

  /** Variants by id, and each entry's variants oldest first (the fallback order). */
  public record Variants(Map<UUID, FeedVariant> byId, Map<UUID, List<FeedVariant>> byEntry) {}

  /** The published artwork of (entry, audience key: {@code all} or a group id). */
  public record ArtworkKey(UUID entryId, String audienceKey) {}

  /** The running slot of (entry, audience group). */
  public record SlotKey(UUID entryId, UUID groupId) {}

  FeedSnapshot withCatalog(Catalog c) {
    return new FeedSnapshot(c, variants, artwork, audiences, running, guardrails, rows);
  }

  FeedSnapshot withVariants(Variants v) {
    return new FeedSnapshot(catalog, v, artwork, audiences, running, guardrails, rows);
  }

  FeedSnapshot withArtwork(Map<ArtworkKey, UUID> a) {
    return new FeedSnapshot(catalog, variants, a, audiences, running, guardrails, rows);
  }

  FeedSnapshot withAudiences(AudienceResolver r) {
    return new FeedSnapshot(catalog, variants, artwork, r, running, guardrails, rows);
  }

  FeedSnapshot withRunning(Map<SlotKey, LiveExperiment> x) {
    return new FeedSnapshot(catalog, variants, artwork, audiences, x, guardrails, rows);
  }

  FeedSnapshot withGuardrails(GuardrailRules g) {
    return new FeedSnapshot(catalog, variants, artwork, audiences, running, g, rows);
  }

  FeedSnapshot withRows(Map<String, FeedRowView> r) {
    return new FeedSnapshot(catalog, variants, artwork, audiences, running, guardrails, r);
  }
}
