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
    Artwork artwork,
    AudienceResolver audiences,
    Running running,
    GuardrailRules guardrails,
    Map<String, FeedRowView> rows) {

  /** Entries by id and by external id. */
  public record Catalog(Map<UUID, FeedEntry> byId, Map<String, FeedEntry> byExternalId) {}

  /** Variants by id, and each entry's variants oldest first (the fallback order). */
  public record Variants(Map<UUID, FeedVariant> byId, Map<UUID, List<FeedVariant>> byEntry) {}

  /**
   * The published artwork: audience key ({@code all} or a group id) to entry id to variant id.
   * Keyed by audience first, so a feed request picks its group's map once and then looks entries up
   * by id alone.
   */
  public record Artwork(Map<String, Map<UUID, UUID>> byAudience) {
    public Artwork {
      byAudience = Map.copyOf(byAudience);
    }

    /** Entry id to published variant id for the audience key. */
    public Map<UUID, UUID> of(String audienceKey) {
      return byAudience.getOrDefault(audienceKey, Map.of());
    }
  }

  /** The running experiments: audience group to entry id to the experiment holding the slot. */
  public record Running(Map<UUID, Map<UUID, LiveExperiment>> byGroup) {
    public Running {
      byGroup = Map.copyOf(byGroup);
    }

    /** Entry id to running experiment for the group. */
    public Map<UUID, LiveExperiment> of(UUID groupId) {
      return byGroup.getOrDefault(groupId, Map.of());
    }
  }

  FeedSnapshot withCatalog(Catalog c) {
    return new FeedSnapshot(c, variants, artwork, audiences, running, guardrails, rows);
  }

  FeedSnapshot withVariants(Variants v) {
    return new FeedSnapshot(catalog, v, artwork, audiences, running, guardrails, rows);
  }

  FeedSnapshot withArtwork(Artwork a) {
    return new FeedSnapshot(catalog, variants, a, audiences, running, guardrails, rows);
  }

  FeedSnapshot withAudiences(AudienceResolver r) {
    return new FeedSnapshot(catalog, variants, artwork, r, running, guardrails, rows);
  }

  FeedSnapshot withRunning(Running x) {
    return new FeedSnapshot(catalog, variants, artwork, audiences, x, guardrails, rows);
  }

  FeedSnapshot withGuardrails(GuardrailRules g) {
    return new FeedSnapshot(catalog, variants, artwork, audiences, running, g, rows);
  }

  FeedSnapshot withRows(Map<String, FeedRowView> r) {
    return new FeedSnapshot(catalog, variants, artwork, audiences, running, guardrails, r);
  }
}
