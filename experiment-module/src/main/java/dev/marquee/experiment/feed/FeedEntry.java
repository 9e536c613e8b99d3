package dev.marquee.experiment.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A catalog entry as the feed needs it. Compared by identity: an entry that changes is a new object
 * in the next snapshot.
 */
public final class FeedEntry {
  private final UUID id;
  private final String externalId;
  private final String title;

  /**
   * The localized titles as the feed looks them up, {@code [tag, title, tag, title, …]}: every
   * exact tag, then from {@link #primaryStart} each lower-case primary language with the title
   * chosen for it. One flat array, scanned with {@code ==} against the catalog's string instances
   * ({@link TitleLanguage}): two map lookups per item were a fourteenth of a feed request's CPU
   * time, most of it cache misses on the maps' tables and keys.
   */
  private final String[] titles;

  private final int primaryStart;

  private final boolean archived;
  private final Integer minimumAge;
  private final Map<String, Double> tagWeights;
  private final Memo json = new Memo();

  /**
   * @param localizedTitles by canonical BCP 47 tag
   * @param minimumAge the rating's minimum age, or null when unrated
   * @param tagWeights tag key to weight (1.0 for unweighted tags), for affinities from viewing
   * @param languages gives the one instance of each language tag and primary language that the
   *     catalog being built uses ({@link FeedSnapshot.Catalog#languages()}), so that {@link
   *     #titleIn(TitleLanguage)} compares by identity
   */
  public FeedEntry(
      UUID id,
      String externalId,
      String title,
      Map<String, String> localizedTitles,
      boolean archived,
      Integer minimumAge,
      Map<String, Double> tagWeights,
      UnaryOperator<String> languages) {
    this.id = id;
    this.externalId = externalId;
    this.title = title;
    this.archived = archived;
    this.minimumAge = minimumAge;
    this.tagWeights = Map.copyOf(tagWeights);
    // In tag order, so that the bare language ("pt") wins over its regions, and of two regions
    // ("pt-BR", "pt-PT") always the same one, whatever order the map iterates in.
    List<String> flat = new ArrayList<>();
    Map<String, String> byPrimary = new LinkedHashMap<>();
    new TreeMap<>(localizedTitles)
        .forEach(
            (tag, t) -> {
              add(flat, languages.apply(tag), t);
              byPrimary.putIfAbsent(primaryLanguage(tag), t);
            });
    this.primaryStart = flat.size();
    byPrimary.forEach((primary, t) -> add(flat, languages.apply(primary), t));
    this.titles = flat.toArray(String[]::new);
  }

  private static void add(List<String> flat, String key, String title) {
    flat.add(key);
    flat.add(title);
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
   * The title in the request's language: its exact tag, then a title in its primary language (the
   * bare language before its regions, regions in tag order), else the main title. Compares by
   * identity, so the language must come from the catalog holding this entry.
   */
  public String titleIn(TitleLanguage language) {
    if (language.exact() == null && language.primary() == null) {
      return title;
    }
    String t = titleOf(language.exact(), 0, primaryStart);
    if (t == null) {
      t = titleOf(language.primary(), primaryStart, titles.length);
    }
    return t == null ? title : t;
  }

  /** The title after the key that is {@code key} itself, in {@code [from, to)}, or null. */
  private String titleOf(String key, int from, int to) {
    if (key != null) {
      for (int i = from; i < to; i += 2) {
        if (titles[i] == key) {
          return titles[i + 1];
        }
      }
    }
    return null;
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
