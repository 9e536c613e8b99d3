package dev.marquee.experiment.feed;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A catalog entry as the feed needs it. Compared by identity: an entry that changes is a new object
 * in the next snapshot.
 */
public final class FeedEntry {
  private final UUID id;
  private final String externalId;
  private final String title;
  private final Map<String, String> localizedTitles;

  /** Lower-case primary language subtag to its title, for a request in another region's tag. */
  private final Map<String, String> byPrimaryLanguage;

  private final boolean archived;
  private final Integer minimumAge;
  private final Map<String, Double> tagWeights;
  private final Memo json = new Memo();

  /**
   * @param localizedTitles by canonical BCP 47 tag
   * @param minimumAge the rating's minimum age, or null when unrated
   * @param tagWeights tag key to weight (1.0 for unweighted tags), for affinities from viewing
   */
  public FeedEntry(
      UUID id,
      String externalId,
      String title,
      Map<String, String> localizedTitles,
      boolean archived,
      Integer minimumAge,
      Map<String, Double> tagWeights) {
    this.id = id;
    this.externalId = externalId;
    this.title = title;
    this.localizedTitles = Map.copyOf(localizedTitles);
    this.archived = archived;
    this.minimumAge = minimumAge;
    this.tagWeights = Map.copyOf(tagWeights);
    // In tag order, so that the bare language ("pt") wins over its regions, and of two regions
    // ("pt-BR", "pt-PT") always the same one, whatever order the map iterates in.
    Map<String, String> primary = new HashMap<>();
    new TreeMap<>(localizedTitles)
        .forEach((tag, t) -> primary.putIfAbsent(primaryLanguage(tag), t));
    this.byPrimaryLanguage = Map.copyOf(primary);
  }

  public UUID id() {
    return id;
  }

  public String externalId() {
    return externalId;
  }

  public String title() {
    return title;
  }

  public Map<String, String> localizedTitles() {
    return localizedTitles;
  }

  public boolean archived() {
    return archived;
  }

  public Integer minimumAge() {
    return minimumAge;
  }

  public Map<String, Double> tagWeights() {
    return tagWeights;
  }

  /** Where the delivery layer keeps this entry's JSON fragments. */
  public Memo json() {
    return json;
  }

  /**
   * The title in {@code language}: its exact tag, then a title in its primary language (the bare
   * language before its regions, regions in tag order), else the main title.
   */
  public String titleIn(String language) {
    return language == null ? title : titleIn(language, primaryLanguage(language));
  }

  /**
   * {@link #titleIn(String)} with the language's {@link #primaryLanguage primary subtag} worked out
   * once by the caller, who asks for many entries in one language.
   */
  public String titleIn(String language, String primaryLanguage) {
    if (language == null || localizedTitles.isEmpty()) {
      return title;
    }
    String t = localizedTitles.get(language);
    if (t == null) {
      t = byPrimaryLanguage.get(primaryLanguage);
    }
    return t == null ? title : t;
  }

  /** The primary language subtag of a BCP 47 tag, in lower case ({@code "pt"} of "pt-BR"). */
  public static String primaryLanguage(String languageTag) {
    int dash = languageTag.indexOf('-');
    return (dash < 0 ? languageTag : languageTag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "FeedEntry[" + id + " " + externalId + "]";
  }
}
