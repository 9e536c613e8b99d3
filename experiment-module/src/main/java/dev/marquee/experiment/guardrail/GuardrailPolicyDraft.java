package dev.marquee.experiment.guardrail;

import java.util.List;

/** A whole guardrail policy as written (stored as this JSON document). */
public record GuardrailPolicyDraft(
    List<PolicyFlag> maturityFlags,
    int kidsAgeLimit,
    int teenAgeLimit,
    List<PolicyRegionRule> regionRules) {
  public GuardrailPolicyDraft {
    maturityFlags = maturityFlags == null ? List.of() : List.copyOf(maturityFlags);
    regionRules = regionRules == null ? List.of() : List.copyOf(regionRules);
  }
}
