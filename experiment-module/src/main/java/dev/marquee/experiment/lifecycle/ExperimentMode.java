package dev.marquee.experiment.lifecycle;

/** How traffic is allocated: fixed A/B/n weights (bandits later). */
public enum ExperimentMode {
  AB
}
