package dev.marquee.experiment.lifecycle;

/** What an experiment measures per exposed viewer. */
public enum ExperimentMetric {
  /** Viewers who clicked the artwork at least once. */
  CLICK_THROUGH,
  /** Viewers who started playing at least once. */
  PLAY_THROUGH,
  /** Viewers who watched at least the experiment's qualified-play seconds in one play. */
  QUALIFIED_PLAY
}
