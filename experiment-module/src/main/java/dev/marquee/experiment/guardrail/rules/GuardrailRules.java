package dev.marquee.experiment.guardrail.rules;

import dev.marquee.experiment.audience.rules.ProfileType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A guardrail policy compiled for lookups: every check is a few hash lookups, so the feed can run
 * it for every candidate of every entry. Immutable and thread-safe.
 */
public final class GuardrailRules {
  private static final String CAST_PREFIX = "CAST:";

  private final Map<ProfileType, Set<String>> flaggedTags = new EnumMap<>(ProfileType.class);
  private final Map<ProfileType, Set<String>> flaggedTemplates = new EnumMap<>(ProfileType.class);
  private final int kidsAgeLimit;
  private final int teenAgeLimit;
  private final Map<String, Set<UUID>> forbiddenVariants = new HashMap<>();
  private final Map<String, Set<String>> forbiddenCast = new HashMap<>();

  /**
   * @param kidsAgeLimit the highest entry minimum age a KIDS profile may be shown
   * @param teenAgeLimit the same for TEEN profiles (adults have none)
   */
  public GuardrailRules(
      List<MaturityFlag> flags, int kidsAgeLimit, int teenAgeLimit, List<RegionRule> regionRules) {
    for (ProfileType p : ProfileType.values()) {
      flaggedTags.put(p, new HashSet<>());
      flaggedTemplates.put(p, new HashSet<>());
    }
    for (MaturityFlag flag : flags) {
      for (ProfileType p : flag.blockedFor()) {
        if (flag.tagKey() != null) {
          flaggedTags.get(p).add(flag.tagKey());
        } else {
          flaggedTemplates.get(p).add(flag.template());
        }
      }
    }
    this.kidsAgeLimit = kidsAgeLimit;
    this.teenAgeLimit = teenAgeLimit;
    for (RegionRule rule : regionRules) {
      Set<String> places = new HashSet<>(rule.countries());
      places.addAll(rule.regions());
      for (String place : places) {
        if (rule.variantId() != null) {
          forbiddenVariants.computeIfAbsent(place, k -> new HashSet<>()).add(rule.variantId());
        } else {
          forbiddenCast
              .computeIfAbsent(place, k -> new HashSet<>())
              .add(CAST_PREFIX + rule.cast().trim().toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  /**
   * Whether an entry rated {@code minimumAge} may be shown to the viewer at all.
   *
   * @param minimumAge the entry's rating's minimum age, or null when unrated (always allowed)
   * @return null when allowed, else {@link BlockRule#ENTRY_AGE}
   */
  public BlockRule checkEntry(Integer minimumAge, ViewerPlace viewer) {
    if (minimumAge == null) {
      return null;
    }
    int limit =
        switch (viewer.profileType()) {
          case KIDS -> kidsAgeLimit;
          case TEEN -> teenAgeLimit;
          case ADULT -> Integer.MAX_VALUE;
        };
    return minimumAge > limit ? BlockRule.ENTRY_AGE : null;
  }

  /**
   * Whether the variant may be shown to the viewer.
   *
   * @return null when allowed, else the first rule that forbids it (maturity before region)
   */
  public BlockRule checkVariant(VariantFacts variant, ViewerPlace viewer) {
    Set<String> tags = flaggedTags.get(viewer.profileType());
    if (!tags.isEmpty()) {
      for (String tag : variant.tagKeys()) {
        if (tags.contains(tag)) {
          return BlockRule.MATURITY_TAG;
        }
      }
    }
    if (flaggedTemplates.get(viewer.profileType()).contains(variant.templateName())) {
      return BlockRule.MATURITY_TEMPLATE;
    }
    BlockRule byCountry = checkPlace(variant, viewer.country());
    return byCountry != null ? byCountry : checkPlace(variant, viewer.region());
  }

  private BlockRule checkPlace(VariantFacts variant, String place) {
    if (place == null) {
      return null;
    }
    Set<UUID> variants = forbiddenVariants.get(place);
    if (variants != null && variants.contains(variant.variantId())) {
      return BlockRule.REGION_VARIANT;
    }
    Set<String> cast = forbiddenCast.get(place);
    if (cast != null) {
      for (String tag : variant.tagKeys()) {
        if (cast.contains(tag)) {
          return BlockRule.REGION_CAST;
        }
      }
    }
    return null;
  }
}
