package dev.marquee.experiment.feed;

import dev.marquee.delivery.change.DeliverySegment;
import dev.marquee.experiment.audience.rules.AudienceResolver;
import dev.marquee.experiment.guardrail.rules.GuardrailRules;
import java.util.HashMap;
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
    Published published,
    AudienceResolver audiences,
    Running running,
    GuardrailRules guardrails,
    Map<String, FeedRowView> rows) {

  /**
   * Entries by id and by external id.
   *
   * @param languages the one instance of each language tag and primary language the entries' titles
   *     use (each key maps to itself)
   */
  public record Catalog(
      Map<UUID, FeedEntry> byId,
      Map<String, FeedEntry> byExternalId,
      Map<String, String> languages) {

    /** The request language as this catalog's entries look titles up; null for none. */
    public TitleLanguage titleLanguage(String language) {
      return language == null
          ? TitleLanguage.NONE
          : new TitleLanguage(
              languages.get(language), languages.get(FeedEntry.primaryLanguage(language)));
    }
  }

  /** Variants by id, and each entry's variants oldest first (the fallback order). */
  public record Variants(Map<UUID, FeedVariant> byId, Map<UUID, List<FeedVariant>> byEntry) {}

  /** Derives {@link #published} from the artwork and variants given. */
  public FeedSnapshot(
      Catalog catalog,
      Variants variants,
      Artwork artwork,
      AudienceResolver audiences,
      Running running,
      GuardrailRules guardrails,
      Map<String, FeedRowView> rows) {
    this(
        catalog,
        variants,
        artwork,
        Published.of(artwork, variants),
        audiences,
        running,
        guardrails,
        rows);
  }

  /**
   * The published artwork: audience key ({@code all} or a group id) to entry id to variant id.
   * Keyed by audience first, so a feed request picks its group's map once and then looks entries up
   * by id alone.
   */
  public record Artwork(Map<String, Map<UUID, UUID>> byAudience) {
    public Artwork {
      byAudience = immutable(byAudience);
    }

    /** Entry id to published variant id for the audience key. */
    public Map<UUID, UUID> of(String audienceKey) {
      return byAudience.getOrDefault(audienceKey, Map.of());
    }
  }

  /**
   * The published artwork with its variants looked up once per rebuild of either part rather than
   * per feed item (the variant map is the largest the feed reads): audience key to entry id to
   * variant. A published variant that no longer exists is left out.
   */
  public record Published(Map<String, Map<UUID, FeedVariant>> byAudience) {
    public Published {
      byAudience = immutable(byAudience);
    }

    static Published of(Artwork artwork, Variants variants) {
      Map<String, Map<UUID, FeedVariant>> published = new HashMap<>();
      if (artwork != null && variants != null) {
        artwork
            .byAudience()
            .forEach(
                (audience, ids) -> {
                  Map<UUID, FeedVariant> chosen = new HashMap<>();
                  ids.forEach(
                      (entry, variant) -> {
                        FeedVariant v = variants.byId().get(variant);
                        if (v != null) {
                          chosen.put(entry, v);
                        }
                      });
                  published.put(audience, chosen);
                });
      }
      return new Published(published);
    }

    /** Entry id to published variant for the audience key. */
    public Map<UUID, FeedVariant> of(String audienceKey) {
      return byAudience.getOrDefault(audienceKey, Map.of());
    }
  }

  /** The running experiments: audience group to entry id to the experiment holding the slot. */
  public record Running(Map<UUID, Map<UUID, LiveExperiment>> byGroup) {
    public Running {
      byGroup = immutable(byGroup);
    }

    /** Entry id to running experiment for the group. */
    public Map<UUID, LiveExperiment> of(UUID groupId) {
      return byGroup.getOrDefault(groupId, Map.of());
    }
  }

  /** An immutable copy of a map of maps, inner maps included. */
  private static <K, I, V> Map<K, Map<I, V>> immutable(Map<K, Map<I, V>> maps) {
    Map<K, Map<I, V>> copy = new HashMap<>();
    maps.forEach((k, inner) -> copy.put(k, Map.copyOf(inner)));
    return Map.copyOf(copy);
  }

  FeedSnapshot withCatalog(Catalog c) {
    return new FeedSnapshot(c, variants, artwork, published, audiences, running, guardrails, rows);
  }

  FeedSnapshot withVariants(Variants v) {
    return new FeedSnapshot(catalog, v, artwork, audiences, running, guardrails, rows);
  }

  FeedSnapshot withArtwork(Artwork a) {
    return new FeedSnapshot(catalog, variants, a, audiences, running, guardrails, rows);
  }

  FeedSnapshot withAudiences(AudienceResolver r) {
    return new FeedSnapshot(catalog, variants, artwork, published, r, running, guardrails, rows);
  }

  FeedSnapshot withRunning(Running x) {
    return new FeedSnapshot(catalog, variants, artwork, published, audiences, x, guardrails, rows);
  }

  FeedSnapshot withGuardrails(GuardrailRules g) {
    return new FeedSnapshot(catalog, variants, artwork, published, audiences, running, g, rows);
  }

  FeedSnapshot withRows(Map<String, FeedRowView> r) {
    return new FeedSnapshot(
        catalog, variants, artwork, published, audiences, running, guardrails, r);
  }
}
