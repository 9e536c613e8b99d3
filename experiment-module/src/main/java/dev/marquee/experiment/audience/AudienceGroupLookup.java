package dev.marquee.experiment.audience;

import dev.marquee.publishing.AudienceGroupDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Lets publishing check that an audience group a promotion names exists. */
@ApplicationScoped
public class AudienceGroupLookup implements AudienceGroupDirectory {
  @Inject AudienceGroupRepository groups;

  @Override
  public boolean exists(UUID audienceGroupId) {
    return groups.find(audienceGroupId).isPresent();
  }
}
