package dev.marquee.render.region.web;

import dev.marquee.api.model.NormalizedRect;
import dev.marquee.api.model.RegionOrigin;
import dev.marquee.api.model.RegionSuggestion;
import dev.marquee.api.model.SuggestionStatus;
import dev.marquee.api.model.TagKind;
import dev.marquee.render.region.Suggestion;
import dev.marquee.render.region.TaggedRegion;
import dev.marquee.tagging.EngagementTag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps regions and suggestions to the API's DTOs. */
final class RegionMapper {
  private RegionMapper() {}

  static dev.marquee.api.model.TaggedRegion toDto(TaggedRegion region) {
    EngagementTag tag = region.getEntryTag().getTag();
    return new dev.marquee.api.model.TaggedRegion()
        .imageId(region.getImage().getId())
        .tagId(tag.getId())
        .kind(TagKind.valueOf(tag.getKind().name()))
        .value(tag.getValue())
        .rect(rect(region.rect()))
        .origin(RegionOrigin.valueOf(region.getOrigin().name()))
        .confidence(region.getConfidence())
        .suggestionId(region.getSuggestionId())
        .updatedBy(region.getUpdatedBy())
        .updatedAt(time(region.getUpdatedAt()))
        .version(region.getVersion());
  }

  static RegionSuggestion toDto(Suggestion suggestion) {
    return new RegionSuggestion()
        .id(suggestion.getId())
        .imageId(suggestion.getImage().getId())
        .kind(suggestion.getKind())
        .rect(rect(suggestion.rect()))
        .confidence(suggestion.getConfidence())
        .detector(suggestion.getDetector())
        .status(SuggestionStatus.valueOf(suggestion.getStatus().name()))
        .suggestedAt(time(suggestion.getSuggestedAt()))
        .decidedBy(suggestion.getDecidedBy())
        .decidedAt(time(suggestion.getDecidedAt()))
        .tagId(suggestion.getAcceptedTagId());
  }

  static NormalizedRect rect(dev.marquee.render.engine.NormalizedRect rect) {
    return new NormalizedRect().x(rect.x()).y(rect.y()).width(rect.width()).height(rect.height());
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
