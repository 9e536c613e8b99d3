package dev.marquee.experiment.lifecycle;

/** Where an experiment is in its lifecycle: DRAFT → RUNNING ⇄ PAUSED → STOPPED or DECIDED. */
public enum ExperimentState {
  DRAFT,
  RUNNING,
  PAUSED,
  STOPPED,
  DECIDED;

  /** Whether the experiment holds its running slots (RUNNING or PAUSED). */
  public boolean holdsSlots() {
    return this == RUNNING || this == PAUSED;
  }
}
