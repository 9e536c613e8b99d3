package dev.marquee.experiment.audience.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One rule of an audience group: every condition it states must hold; an empty set or list is not
 * checked. Within one condition any listed value matches. Languages are BCP 47 ranges matched by
 * prefix (RFC 4647 basic filtering): {@code en} matches {@code en-GB}, {@code pt-BR} does not match
 * {@code pt-PT}.
 */
public record AudienceRule(
    String description,
    Set<ProfileType> profileTypes,
    Set<String> countries,
    Set<String> regions,
    List<String> languages,
    Set<DeviceClass> deviceClasses,
    Set<String> apps,
    List<TagThreshold> tagAffinities) {

  /** Returned by {@link #mismatch} when the rule matches. */
  public static final String MATCHED = "all conditions hold";

  public AudienceRule {
    profileTypes = profileTypes == null ? Set.of() : Set.copyOf(profileTypes);
    countries = countries == null ? Set.of() : Set.copyOf(countries);
    regions = regions == null ? Set.of() : Set.copyOf(regions);
    languages = languages == null ? List.of() : List.copyOf(languages);
    deviceClasses = deviceClasses == null ? Set.of() : Set.copyOf(deviceClasses);
    apps = apps == null ? Set.of() : Set.copyOf(apps);
    tagAffinities = tagAffinities == null ? List.of() : List.copyOf(tagAffinities);
  }

  /** Whether every stated condition holds for the viewer. Allocation-free. */
  public boolean matches(ViewerFacts facts) {
    // immutable sets throw on contains(null): a fact the app did not send fails the condition
    return (profileTypes.isEmpty()
            || (facts.profileType() != null && profileTypes.contains(facts.profileType())))
        && (countries.isEmpty() || (facts.country() != null && countries.contains(facts.country())))
        && (regions.isEmpty() || (facts.region() != null && regions.contains(facts.region())))
        && (languages.isEmpty() || languageMatches(facts.language()))
        && (deviceClasses.isEmpty()
            || (facts.deviceClass() != null && deviceClasses.contains(facts.deviceClass())))
        && (apps.isEmpty() || (facts.app() != null && apps.contains(facts.app())))
        && affinitiesHold(facts);
  }

  /**
   * The first condition that fails, phrased for a person, or {@link #MATCHED}. Used to explain a
   * resolution; {@link #matches} is the fast path.
   */
  public String mismatch(ViewerFacts facts) {
    if (!profileTypes.isEmpty()
        && (facts.profileType() == null || !profileTypes.contains(facts.profileType()))) {
      return "profileType " + facts.profileType() + " is not one of " + sorted(profileTypes);
    }
    if (!countries.isEmpty() && (facts.country() == null || !countries.contains(facts.country()))) {
      return "country " + facts.country() + " is not one of " + sorted(countries);
    }
    if (!regions.isEmpty() && (facts.region() == null || !regions.contains(facts.region()))) {
      return "region " + facts.region() + " is not one of " + sorted(regions);
    }
    if (!languages.isEmpty() && !languageMatches(facts.language())) {
      return "language " + facts.language() + " matches none of " + languages;
    }
    if (!deviceClasses.isEmpty()
        && (facts.deviceClass() == null || !deviceClasses.contains(facts.deviceClass()))) {
      return "deviceClass " + facts.deviceClass() + " is not one of " + sorted(deviceClasses);
    }
    if (!apps.isEmpty() && (facts.app() == null || !apps.contains(facts.app()))) {
      return "app " + facts.app() + " is not one of " + sorted(apps);
    }
    for (TagThreshold t : tagAffinities) {
      double affinity = facts.affinity(t.tag());
      if (affinity < t.atLeast()) {
        return "affinity to " + t.tag() + " is " + affinity + ", below " + t.atLeast();
      }
    }
    return MATCHED;
  }

  private boolean languageMatches(String language) {
    if (language == null) {
      return false;
    }
    for (String range : languages) {
      if (language.regionMatches(true, 0, range, 0, range.length())
          && (language.length() == range.length() || language.charAt(range.length()) == '-')) {
        return true;
      }
    }
    return false;
  }

  private boolean affinitiesHold(ViewerFacts facts) {
    for (int i = 0, n = tagAffinities.size(); i < n; i++) {
      TagThreshold t = tagAffinities.get(i);
      if (facts.affinity(t.tag()) < t.atLeast()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> sorted(Set<?> values) {
    return values.stream().map(v -> String.valueOf(v).toUpperCase(Locale.ROOT)).sorted().toList();
  }
}
