package dev.marquee.experiment.lifecycle;

import java.util.UUID;

/** List filters; null means "any". */
public record ExperimentFilter(UUID entryId, ExperimentState state, UUID audienceGroupId) {
  /** A canonical form for cursor fingerprints. */
  String canonical() {
    return entryId + "\u0001" + state + "\u0001" + audienceGroupId;
  }
}
