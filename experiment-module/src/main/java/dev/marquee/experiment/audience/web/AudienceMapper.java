package dev.marquee.experiment.audience.web;

import dev.marquee.api.model.AudienceGroupWrite;
import dev.marquee.api.model.AudienceResolution;
import dev.marquee.api.model.TagThreshold;
import dev.marquee.experiment.audience.AudienceDraft;
import dev.marquee.experiment.audience.AudienceGroup;
import dev.marquee.experiment.audience.ExplainedResolution;
import dev.marquee.experiment.audience.ViewerContext;
import dev.marquee.experiment.audience.rules.AudienceRule;
import dev.marquee.experiment.audience.rules.DeviceClass;
import dev.marquee.experiment.audience.rules.ProfileType;
import dev.marquee.experiment.audience.rules.Resolution;
import dev.marquee.experiment.audience.rules.ViewerFacts;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Maps audience DTOs to the domain and back. */
public final class AudienceMapper {
  private AudienceMapper() {}

  static AudienceDraft toDraft(AudienceGroupWrite body) {
    List<AudienceRule> rules =
        body.getRules() == null
            ? List.of()
            : body.getRules().stream().map(AudienceMapper::toRule).toList();
    return new AudienceDraft(body.getName(), body.getDescription(), rules);
  }

  static AudienceRule toRule(dev.marquee.api.model.AudienceRule r) {
    return new AudienceRule(
        r.getDescription(),
        set(r.getProfileTypes(), p -> ProfileType.valueOf(p.name())),
        set(r.getCountries(), Function.identity()),
        set(r.getRegions(), Function.identity()),
        r.getLanguages() == null ? List.of() : List.copyOf(r.getLanguages()),
        set(r.getDeviceClasses(), d -> DeviceClass.valueOf(d.name())),
        set(r.getApps(), Function.identity()),
        r.getTagAffinities() == null
            ? List.of()
            : r.getTagAffinities().stream()
                .map(
                    t ->
                        new dev.marquee.experiment.audience.rules.TagThreshold(
                            t.getTag(), t.getAtLeast()))
                .toList());
  }

  static dev.marquee.api.model.AudienceRule toDto(AudienceRule r) {
    return new dev.marquee.api.model.AudienceRule()
        .description(r.description())
        .profileTypes(
            sorted(r.profileTypes()).stream()
                .map(p -> dev.marquee.api.model.ProfileType.valueOf(p.name()))
                .toList())
        .countries(sorted(r.countries()))
        .regions(sorted(r.regions()))
        .languages(new ArrayList<>(r.languages()))
        .deviceClasses(
            sorted(r.deviceClasses()).stream()
                .map(d -> dev.marquee.api.model.DeviceClass.valueOf(d.name()))
                .toList())
        .apps(sorted(r.apps()))
        .tagAffinities(
            r.tagAffinities().stream()
                .map(t -> new TagThreshold().tag(t.tag()).atLeast(t.atLeast()))
                .toList());
  }

  static dev.marquee.api.model.AudienceGroup toDto(AudienceGroup g) {
    return new dev.marquee.api.model.AudienceGroup()
        .id(g.getId())
        .name(g.getName())
        .description(g.getDescription())
        ._default(g.isDefault())
        .position(g.getPosition())
        .rules(g.getRules().stream().map(AudienceMapper::toDto).toList())
        .version(g.getVersion())
        .createdAt(g.getCreatedAt().atOffset(ZoneOffset.UTC))
        .createdBy(g.getCreatedBy())
        .updatedAt(g.getUpdatedAt().atOffset(ZoneOffset.UTC))
        .updatedBy(g.getUpdatedBy());
  }

  public static ViewerContext toContext(dev.marquee.api.model.ViewerContext c) {
    return new ViewerContext(
        c.getProfileType() == null ? null : ProfileType.valueOf(c.getProfileType().name()),
        c.getCountry(),
        c.getRegion(),
        c.getLanguage(),
        c.getDeviceClass() == null ? null : DeviceClass.valueOf(c.getDeviceClass().name()),
        c.getApp(),
        c.getRecentlyWatched(),
        c.getTagAffinities());
  }

  static AudienceResolution toDto(ExplainedResolution explained) {
    Resolution r = explained.resolution();
    ViewerFacts f = explained.facts();
    return new AudienceResolution()
        .groupId(r.group().groupId())
        .groupName(r.group().name())
        .ruleIndex(r.isDefault() ? null : r.ruleIndex())
        .rule(r.rule() == null ? null : toDto(r.rule()))
        .facts(
            new dev.marquee.api.model.ViewerFacts()
                .profileType(
                    f.profileType() == null
                        ? null
                        : dev.marquee.api.model.ProfileType.valueOf(f.profileType().name()))
                .country(f.country())
                .region(f.region())
                .language(f.language())
                .deviceClass(
                    f.deviceClass() == null
                        ? null
                        : dev.marquee.api.model.DeviceClass.valueOf(f.deviceClass().name()))
                .app(f.app())
                .tagAffinities(new TreeMap<>(f.tagAffinities())))
        .checks(
            r.checks().stream()
                .map(
                    c ->
                        new dev.marquee.api.model.RuleCheck()
                            .groupId(c.groupId())
                            .groupName(c.groupName())
                            .ruleIndex(c.ruleIndex())
                            .matched(c.matched())
                            .reason(c.reason()))
                .toList());
  }

  private static <A, B> Set<B> set(Collection<A> values, Function<A, B> map) {
    Set<B> out = new LinkedHashSet<>();
    if (values != null) {
      values.forEach(v -> out.add(map.apply(v)));
    }
    return out;
  }

  private static <T extends Comparable<? super T>> List<T> sorted(Set<T> values) {
    return values.stream().sorted().toList();
  }
}
