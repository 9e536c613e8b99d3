package dev.marquee.experiment.stats;

import java.util.List;

/** Results of all arms in one audience group (or pooled), control first, and the SRM check. */
public record GroupResult(String group, List<ArmResult> arms, SampleRatioMismatch.Result srm) {

  public GroupResult {
    arms = List.copyOf(arms);
  }
}
