package dev.marquee.experiment.lifecycle;

/**
 * How traffic is allocated: AB keeps the experimenter's weights; BANDIT re-allocates them per
 * audience group by Thompson sampling on a schedule (see {@link BanditSettings}).
 */
public enum ExperimentMode {
  AB,
  BANDIT
}
