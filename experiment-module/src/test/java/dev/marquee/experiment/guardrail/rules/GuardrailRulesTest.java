package dev.marquee.experiment.guardrail.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.experiment.audience.rules.ProfileType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GuardrailRulesTest {
  static final UUID HORROR_STILL = UUID.randomUUID();
  static final UUID FAMILY_STILL = UUID.randomUUID();

  static final VariantFacts HORROR =
      new VariantFacts(HORROR_STILL, "hero", Set.of("THEME:horror", "CAST:uma thurman"));
  static final VariantFacts FAMILY = new VariantFacts(FAMILY_STILL, "hero", Set.of("THEME:family"));
  static final VariantFacts GORE = new VariantFacts(UUID.randomUUID(), "gore-closeup", Set.of());

  static final GuardrailRules RULES =
      new GuardrailRules(
          List.of(
              new MaturityFlag("THEME:horror", null, Set.of(ProfileType.KIDS, ProfileType.TEEN)),
              new MaturityFlag(null, "gore-closeup", Set.of(ProfileType.KIDS))),
          7,
          16,
          List.of(
              new RegionRule(Set.of("DE"), Set.of(), null, " Uma Thurman "),
              new RegionRule(Set.of(), Set.of("US-CA"), FAMILY_STILL, null)));

  static ViewerPlace viewer(ProfileType p, String country, String region) {
    return new ViewerPlace(p, country, region);
  }

  @Test
  void maturityFlagsKeepTaggedVariantsFromTheProfilesTheyName() {
    assertThat(RULES.checkVariant(HORROR, viewer(ProfileType.KIDS, null, null)))
        .isEqualTo(BlockRule.MATURITY_TAG);
    assertThat(RULES.checkVariant(HORROR, viewer(ProfileType.TEEN, null, null)))
        .isEqualTo(BlockRule.MATURITY_TAG);
    assertThat(RULES.checkVariant(HORROR, viewer(ProfileType.ADULT, "FR", null))).isNull();
    assertThat(RULES.checkVariant(FAMILY, viewer(ProfileType.KIDS, null, null))).isNull();
  }

  @Test
  void templateFlagsApplyToEveryVariantOfTheTemplate() {
    assertThat(RULES.checkVariant(GORE, viewer(ProfileType.KIDS, null, null)))
        .isEqualTo(BlockRule.MATURITY_TEMPLATE);
    assertThat(RULES.checkVariant(GORE, viewer(ProfileType.TEEN, null, null))).isNull();
  }

  @Test
  void aMissingProfileTypeMeansAdult() {
    assertThat(new ViewerPlace(null, null, null).profileType()).isEqualTo(ProfileType.ADULT);
    assertThat(RULES.checkVariant(HORROR, new ViewerPlace(null, null, null))).isNull();
  }

  @Test
  void ageLimitsBlockEntriesRatedAboveTheProfilesLimit() {
    assertThat(RULES.checkEntry(7, viewer(ProfileType.KIDS, null, null))).isNull();
    assertThat(RULES.checkEntry(8, viewer(ProfileType.KIDS, null, null)))
        .isEqualTo(BlockRule.ENTRY_AGE);
    assertThat(RULES.checkEntry(16, viewer(ProfileType.TEEN, null, null))).isNull();
    assertThat(RULES.checkEntry(17, viewer(ProfileType.TEEN, null, null)))
        .isEqualTo(BlockRule.ENTRY_AGE);
    assertThat(RULES.checkEntry(21, viewer(ProfileType.ADULT, null, null))).isNull();
    assertThat(RULES.checkEntry(null, viewer(ProfileType.KIDS, null, null)))
        .as("unrated entries are not blocked")
        .isNull();
  }

  @Test
  void regionRulesForbidCastMembersCaseInsensitivelyAndSingleVariants() {
    assertThat(RULES.checkVariant(HORROR, viewer(ProfileType.ADULT, "DE", null)))
        .isEqualTo(BlockRule.REGION_CAST);
    assertThat(RULES.checkVariant(FAMILY, viewer(ProfileType.ADULT, "DE", null))).isNull();
    assertThat(RULES.checkVariant(FAMILY, viewer(ProfileType.ADULT, "US", "US-CA")))
        .isEqualTo(BlockRule.REGION_VARIANT);
    assertThat(RULES.checkVariant(FAMILY, viewer(ProfileType.ADULT, "US", "US-NY"))).isNull();
    assertThat(RULES.checkVariant(FAMILY, viewer(ProfileType.ADULT, null, "US-CA")))
        .as("a subdivision alone is enough")
        .isEqualTo(BlockRule.REGION_VARIANT);
  }

  @Test
  void maturityIsReportedBeforeRegion() {
    assertThat(RULES.checkVariant(HORROR, viewer(ProfileType.KIDS, "DE", null)))
        .isEqualTo(BlockRule.MATURITY_TAG);
  }

  @Test
  void flagsAndRulesNameExactlyOneTarget() {
    assertThatThrownBy(() -> new MaturityFlag("THEME:x", "t", Set.of(ProfileType.KIDS)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MaturityFlag(null, null, Set.of(ProfileType.KIDS)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RegionRule(Set.of("DE"), Set.of(), UUID.randomUUID(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
