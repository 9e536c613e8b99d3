package dev.marquee.catalog.web;

import dev.marquee.api.model.CastMember;
import dev.marquee.api.model.Entry;
import dev.marquee.api.model.EntryKind;
import dev.marquee.api.model.EntryStatus;
import dev.marquee.api.model.EntryTagSummary;
import dev.marquee.api.model.EntryWrite;
import dev.marquee.api.model.MaturityRating;
import dev.marquee.api.model.TagKind;
import dev.marquee.api.model.TagSource;
import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.tagging.EntryTag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** Maps catalog entries between the API's DTOs and the domain. */
final class EntryMapper {
  private EntryMapper() {}

  static EntryDraft toDraft(EntryWrite body, String parentExternalId) {
    MaturityRating rating = body.getMaturityRating();
    return new EntryDraft(
        body.getExternalId(),
        body.getKind() == null
            ? null
            : dev.marquee.catalog.EntryKind.valueOf(body.getKind().name()),
        parentExternalId,
        body.getTitle(),
        body.getLocalizedTitles(),
        body.getSynopsis(),
        body.getGenres(),
        rating == null
            ? null
            : new dev.marquee.catalog.MaturityRating(
                rating.getScheme(), rating.getValue(), rating.getMinimumAge()),
        body.getReleaseYear(),
        body.getCast() == null
            ? List.of()
            : body.getCast().stream()
                .map(
                    c ->
                        new dev.marquee.catalog.CastMember(
                            c.getPerson(), c.getCharacter(), c.getRole()))
                .toList());
  }

  static Entry toDto(CatalogEntry entry, List<EntryTag> tags) {
    Entry dto =
        new Entry()
            .id(entry.getId())
            .externalId(entry.getExternalId())
            .kind(EntryKind.valueOf(entry.getKind().name()))
            .parentId(entry.parentId())
            .title(entry.getTitle())
            .localizedTitles(new java.util.LinkedHashMap<>(entry.getLocalizedTitles()))
            .synopsis(entry.getSynopsis())
            .genres(List.copyOf(entry.getGenres()))
            .releaseYear(entry.getReleaseYear())
            .cast(
                entry.getCast().stream()
                    .map(
                        c ->
                            new CastMember()
                                .person(c.person())
                                .character(c.character())
                                .role(c.role()))
                    .toList())
            .status(EntryStatus.valueOf(entry.getStatus().name()))
            .version(entry.getVersion())
            .tags(
                tags.stream()
                    .sorted(
                        Comparator.comparing((EntryTag t) -> t.getTag().getKind())
                            .thenComparing(t -> t.getTag().getNormalizedValue()))
                    .map(EntryMapper::toSummary)
                    .toList())
            .createdAt(time(entry.getCreatedAt()))
            .createdBy(entry.getCreatedBy())
            .updatedAt(time(entry.getUpdatedAt()))
            .updatedBy(entry.getUpdatedBy());
    if (entry.getMaturity() != null) {
      dto.maturityRating(
          new MaturityRating()
              .scheme(entry.getMaturity().scheme())
              .value(entry.getMaturity().value())
              .minimumAge(entry.getMaturity().minimumAge()));
    }
    return dto;
  }

  static EntryTagSummary toSummary(EntryTag link) {
    return new EntryTagSummary()
        .tagId(link.getTag().getId())
        .kind(TagKind.valueOf(link.getTag().getKind().name()))
        .value(link.getTag().getValue())
        .weight(link.getWeight())
        .source(TagSource.valueOf(link.getSource().name()));
  }

  static dev.marquee.api.model.EntryTag toEntryTag(EntryTag link) {
    return new dev.marquee.api.model.EntryTag()
        .tagId(link.getTag().getId())
        .kind(TagKind.valueOf(link.getTag().getKind().name()))
        .value(link.getTag().getValue())
        .weight(link.getWeight())
        .source(TagSource.valueOf(link.getSource().name()))
        .taggedBy(link.getTaggedBy())
        .taggedAt(time(link.getTaggedAt()));
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
