package dev.marquee.experiment.feed;

import java.util.Locale;
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
    String primary = language.split("-", 2)[0].toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> t : localizedTitles.entrySet()) {
      if (t.getKey().split("-", 2)[0].toLowerCase(Locale.ROOT).equals(primary)) {
        return t.getValue();
      }
    }
    return title;
  }
}
