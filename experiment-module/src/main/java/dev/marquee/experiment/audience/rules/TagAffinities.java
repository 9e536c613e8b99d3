package dev.marquee.experiment.audience.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a viewer's tag affinities from the entries they watched recently.
 *
 * <p>The affinity to tag t over the n distinct known watched entries is {@code Σ w(e, t) / n},
 * where {@code w(e, t)} is the weight of t on entry e (an unweighted tag counts 1, an absent tag
 * 0). So with unweighted tags it is the share of watched entries carrying the tag, and it always
 * lies in [0, 1]. Precomputed affinities sent by the app override derived ones tag by tag.
 */
public final class TagAffinities {
  private TagAffinities() {}

  /**
   * @param watchedEntryTags for each distinct watched entry that exists, its tags as {@code tag key
   *     -> weight} (1.0 for unweighted tags)
   */
  public static Map<String, Double> fromWatched(List<Map<String, Double>> watchedEntryTags) {
    Map<String, Double> sums = new HashMap<>();
    for (Map<String, Double> tags : watchedEntryTags) {
      tags.forEach((tag, weight) -> sums.merge(tag, clamp(weight), Double::sum));
    }
    int n = watchedEntryTags.size();
    sums.replaceAll((tag, sum) -> sum / n);
    return sums;
  }

  /** Derived affinities with the precomputed ones laid over them. */
  public static Map<String, Double> merge(Map<String, Double> derived, Map<String, Double> given) {
    Map<String, Double> merged = new HashMap<>(derived);
    merged.putAll(given);
    return merged;
  }

  private static double clamp(Double weight) {
    return weight == null ? 1.0 : Math.max(0, Math.min(1, weight));
  }
}
