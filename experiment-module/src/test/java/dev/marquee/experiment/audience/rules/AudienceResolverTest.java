package dev.marquee.experiment.audience.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AudienceResolverTest {
  static final String ROMANCE = ViewerFacts.tagKey("THEME", "Romance");

  static AudienceRule rule(
      Set<ProfileType> profiles, List<String> languages, List<TagThreshold> affinities) {
    return new AudienceRule(null, profiles, null, null, languages, null, null, affinities);
  }

  static ViewerFacts viewer(ProfileType profile, String language, double romance) {
    return new ViewerFacts(
        profile, "DE", "DE-BY", language, DeviceClass.TV, "tv-app", Map.of(ROMANCE, romance));
  }

  final GroupRules kids =
      new GroupRules(
          UUID.randomUUID(), "Kids", List.of(rule(Set.of(ProfileType.KIDS), null, null)));
  final GroupRules romance =
      new GroupRules(
          UUID.randomUUID(),
          "Romance fans",
          List.of(
              rule(Set.of(ProfileType.ADULT), List.of("fr"), null),
              rule(Set.of(ProfileType.ADULT), null, List.of(new TagThreshold(ROMANCE, 0.4)))));
  final GroupRules everyone = new GroupRules(UUID.randomUUID(), "Everyone", List.of());
  final AudienceResolver resolver = new AudienceResolver(List.of(kids, romance), everyone);

  @Test
  void firstMatchingRuleInGroupOrderWins() {
    // a kid with a strong romance affinity is still in the earlier Kids group
    assertThat(resolver.resolve(viewer(ProfileType.KIDS, "de", 0.9))).isSameAs(kids);
    assertThat(resolver.resolve(viewer(ProfileType.ADULT, "de", 0.4))).isSameAs(romance);
    assertThat(resolver.resolve(viewer(ProfileType.ADULT, "de", 0.39))).isSameAs(everyone);
  }

  @Test
  void explainNamesTheMatchingRuleAndWhyEarlierOnesFailed() {
    Resolution r = resolver.explain(viewer(ProfileType.ADULT, "de-DE", 0.5));

    assertThat(r.group()).isSameAs(romance);
    assertThat(r.ruleIndex()).isEqualTo(1);
    assertThat(r.checks()).hasSize(3);
    assertThat(r.checks().get(0).reason()).contains("profileType ADULT is not one of [KIDS]");
    assertThat(r.checks().get(1).reason()).contains("language de-DE matches none of [fr]");
    assertThat(r.checks().get(2).matched()).isTrue();
    assertThat(r.checks().get(2).reason()).isEqualTo(AudienceRule.MATCHED);
  }

  @Test
  void defaultGroupWhenNothingMatches() {
    Resolution r = resolver.explain(viewer(ProfileType.TEEN, "en", 1));

    assertThat(r.isDefault()).isTrue();
    assertThat(r.group()).isSameAs(everyone);
    assertThat(r.rule()).isNull();
    assertThat(r.checks()).extracting(RuleCheck::matched).containsOnly(false);
  }

  @Test
  void languagesAreMatchedAsBcp47PrefixRanges() {
    AudienceRule en = rule(null, List.of("en", "pt-BR"), null);

    assertThat(en.matches(viewer(null, "en", 0))).isTrue();
    assertThat(en.matches(viewer(null, "EN-gb", 0))).isTrue();
    assertThat(en.matches(viewer(null, "pt-BR", 0))).isTrue();
    assertThat(en.matches(viewer(null, "pt-PT", 0))).isFalse();
    assertThat(en.matches(viewer(null, "eng", 0))).as("not a subtag boundary").isFalse();
    assertThat(en.matches(viewer(null, null, 0))).isFalse();
  }

  @Test
  void statedConditionsMustAllHoldAndMissingFactsFailThem() {
    AudienceRule rule =
        new AudienceRule(
            "German TVs",
            null,
            Set.of("DE", "AT"),
            Set.of("DE-BY"),
            null,
            Set.of(DeviceClass.TV),
            Set.of("tv-app"),
            null);
    ViewerFacts facts = viewer(ProfileType.ADULT, "de", 0);

    assertThat(rule.matches(facts)).isTrue();
    assertThat(rule.mismatch(facts)).isEqualTo(AudienceRule.MATCHED);
    ViewerFacts noCountry =
        new ViewerFacts(null, null, "DE-BY", "de", DeviceClass.TV, "tv-app", Map.of());
    assertThat(rule.matches(noCountry)).isFalse();
    assertThat(rule.mismatch(noCountry)).startsWith("country null");
    ViewerFacts mobile =
        new ViewerFacts(null, "DE", "DE-BY", "de", DeviceClass.MOBILE, "tv-app", Map.of());
    assertThat(rule.mismatch(mobile)).startsWith("deviceClass MOBILE");
  }

  @Test
  void aMissingProfileTypeOrDeviceClassFailsThoseConditions() {
    // the rules' sets are immutable, whose contains(null) throws: a feed request without
    // profileType or deviceClass used to answer 500 as soon as a group had such a condition
    AudienceRule kidsOnly = rule(Set.of(ProfileType.KIDS), null, null);
    AudienceRule tvs =
        new AudienceRule(null, null, null, null, null, Set.of(DeviceClass.TV), null, null);
    ViewerFacts unknown = new ViewerFacts(null, "DE", null, "de", null, null, Map.of());

    assertThat(kidsOnly.matches(unknown)).isFalse();
    assertThat(kidsOnly.mismatch(unknown)).isEqualTo("profileType null is not one of [KIDS]");
    assertThat(tvs.matches(unknown)).isFalse();
    assertThat(tvs.mismatch(unknown)).isEqualTo("deviceClass null is not one of [TV]");
    assertThat(resolver.resolve(unknown)).isSameAs(everyone);
  }

  @Test
  void anEmptyRuleMatchesEveryone() {
    AudienceRule any = new AudienceRule(null, null, null, null, null, null, null, null);

    assertThat(any.matches(new ViewerFacts(null, null, null, null, null, null, null))).isTrue();
  }

  @Test
  void missingAffinityCountsAsZero() {
    AudienceRule zero = rule(null, null, List.of(new TagThreshold("CAST:nobody", 0)));
    AudienceRule some = rule(null, null, List.of(new TagThreshold("CAST:nobody", 0.01)));

    assertThat(zero.matches(viewer(null, "de", 0))).isTrue();
    assertThat(some.mismatch(viewer(null, "de", 0)))
        .isEqualTo("affinity to CAST:nobody is 0.0, below 0.01");
  }
}
