package dev.marquee.experiment.guardrail.rules;

import dev.marquee.experiment.audience.rules.ProfileType;

/**
 * Who guardrails protect: the profile type (never null; apps that send none get ADULT) and where
 * the viewer is (either may be null).
 */
public record ViewerPlace(ProfileType profileType, String country, String region) {
  public ViewerPlace {
    if (profileType == null) {
      profileType = ProfileType.ADULT;
    }
  }
}
