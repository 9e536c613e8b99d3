package dev.marquee.experiment.feed;

import java.util.Map;
import java.util.UUID;

/**
 * A catalog entry as the feed needs it.
 *
 * @param localizedTitles by canonical BCP 47 tag
 * @param minimumAge the rating's minimum age, or null when unrated
 * @param tagWeights tag key to weight (1.0 for unweighted tags), for affinities from viewing
 */
public record FeedEntry(
    UUID id,
    String externalId,
    String title,
    Map<String, String> localizedTitles,
    boolean archived,
    Integer minimumAge,
    Map<String, Double> tagWeights) {

  public FeedEntry {
    localizedTitles = Map.copyOf(localizedTitles);
    tagWeights = Map.copyOf(tagWeights);
  }

  /** The title in {@code language} (exact tag, then its primary language), else the main title. */
  public String titleIn(String language) {
    if (language == null || localizedTitles.isEmpty()) {
      return title;
    }
    String exact = localizedTitles.get(language);
    if (exact != null) {
      return exact;
    }
    // called for every item of every feed answer: compare primary subtags in place (tags are
    // ASCII, checked on input) instead of splitting strings
    int primary = primaryLength(language);
    for (Map.Entry<String, String> t : localizedTitles.entrySet()) {
      String tag = t.getKey();
      if (primaryLength(tag) == primary && tag.regionMatches(true, 0, language, 0, primary)) {
        return t.getValue();
      }
    }
    return title;
  }

  private static int primaryLength(String languageTag) {
    int dash = languageTag.indexOf('-');
    return dash < 0 ? languageTag.length() : dash;
  }
}
