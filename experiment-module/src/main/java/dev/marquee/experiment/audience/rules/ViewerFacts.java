package dev.marquee.experiment.audience.rules;

import java.util.Locale;
import java.util.Map;

/**
 * What rules are evaluated against: a validated, normalised viewer context whose tag affinities
 * (0..1) are already derived. Country and region are upper case; language is a BCP 47 tag; tag keys
 * are {@link #tagKey}s. Any field may be null when the app did not send it.
 */
public record ViewerFacts(
    ProfileType profileType,
    String country,
    String region,
    String language,
    DeviceClass deviceClass,
    String app,
    Map<String, Double> tagAffinities) {

  public ViewerFacts {
    tagAffinities = tagAffinities == null ? Map.of() : Map.copyOf(tagAffinities);
  }

  /** The viewer's affinity to a tag, 0 when unknown. */
  public double affinity(String tagKey) {
    Double value = tagAffinities.get(tagKey);
    return value == null ? 0 : value;
  }

  /**
   * The key of a tag in affinity maps: {@code KIND:value} with the value trimmed and lower-cased.
   */
  public static String tagKey(String kind, String value) {
    return kind + ":" + value.trim().toLowerCase(Locale.ROOT);
  }
}
