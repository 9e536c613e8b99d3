package dev.marquee.experiment.lifecycle;

import dev.marquee.experiment.audience.AudienceGroupUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** Experiments veto deleting the audience groups they target (their results refer to them). */
@ApplicationScoped
public class ExperimentGroupUsage implements AudienceGroupUsage {
  @Inject ExperimentRepository experiments;

  @Override
  public Optional<String> describeUse(UUID groupId) {
    long count = experiments.countTargeting(groupId);
    return count == 0 ? Optional.empty() : Optional.of(count + " experiment(s) target it");
  }
}
