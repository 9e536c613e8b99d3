package dev.marquee.experiment.audience;

import dev.marquee.experiment.audience.rules.DeviceClass;
import dev.marquee.experiment.audience.rules.ProfileType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an app tells Marquee about a viewer, as received (the API schema has checked enums, code
 * patterns and ranges). {@code tagAffinities} keys are {@code KIND:value} as sent.
 */
public record ViewerContext(
    ProfileType profileType,
    String country,
    String region,
    String language,
    DeviceClass deviceClass,
    String app,
    List<UUID> recentlyWatched,
    Map<String, Double> tagAffinities) {

  public ViewerContext {
    recentlyWatched = recentlyWatched == null ? List.of() : List.copyOf(recentlyWatched);
    tagAffinities = tagAffinities == null ? Map.of() : Map.copyOf(tagAffinities);
  }
}
