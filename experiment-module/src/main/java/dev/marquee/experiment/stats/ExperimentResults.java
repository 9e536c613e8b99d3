package dev.marquee.experiment.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The full result set of an experiment: pooled over audience groups, and per group. */
public record ExperimentResults(GroupResult pooled, Map<String, GroupResult> byGroup) {

  /** Name of the pooled pseudo-group. */
  public static final String POOLED = "*";

  public ExperimentResults {
    byGroup = Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
  }
}
