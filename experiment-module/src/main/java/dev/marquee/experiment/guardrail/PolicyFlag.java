package dev.marquee.experiment.guardrail;

import dev.marquee.experiment.audience.rules.ProfileType;
import java.util.List;

/**
 * A maturity flag as written by a publisher: exactly one of {@code tag} ({@code KIND:value}) and
 * {@code template}.
 */
public record PolicyFlag(String tag, String template, List<ProfileType> blockedFor, String note) {
  public PolicyFlag {
    blockedFor = blockedFor == null ? List.of() : List.copyOf(blockedFor);
  }
}
