package dev.marquee.experiment.lifecycle;

/** What an experiment measures per exposed viewer. */
public enum ExperimentMetric {
  /** Viewers who clicked the artwork at least once. */
  CLICK_THROUGH,
  /** Viewers who started playing at least once. */
  PLAY_THROUGH,
  /** Viewers who watched at least the experiment's qualified-play seconds in one play. */
  QUALIFIED_PLAY;

  /**
   * Of the viewers who clicked, played and played qualified: those who converted on this metric.
   */
  public long converted(long clicked, long played, long qualified) {
    return switch (this) {
      case CLICK_THROUGH -> clicked;
      case PLAY_THROUGH -> played;
      case QUALIFIED_PLAY -> qualified;
    };
  }
}
