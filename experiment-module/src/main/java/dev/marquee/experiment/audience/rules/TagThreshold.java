package dev.marquee.experiment.audience.rules;

import java.util.Objects;

/**
 * A rule condition on one tag affinity: the viewer's affinity must be at least {@code atLeast}.
 *
 * @param tag the tag key, {@code KIND:normalised value} (see {@link ViewerFacts#tagKey})
 * @param atLeast threshold in [0, 1]
 */
public record TagThreshold(String tag, double atLeast) {
  public TagThreshold {
    Objects.requireNonNull(tag, "tag");
  }
}
