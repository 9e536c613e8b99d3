package dev.marquee.publishing.web;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.marquee.api.model.PromotionWrite;
import dev.marquee.publishing.ArtworkVersion;
import dev.marquee.publishing.Audience;
import dev.marquee.publishing.Promotion;
import dev.marquee.publishing.PromotionDraft;
import dev.marquee.web.JsonMapperProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/** Maps promotions and artwork versions between the domain and the generated DTOs. */
final class PromotionMapper {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private PromotionMapper() {}

  static PromotionDraft toDraft(PromotionWrite w) {
    return new PromotionDraft(
        w.getEntryId(),
        Audience.of(w.getAudienceGroupId()),
        w.getVariantId(),
        w.getReason(),
        w.getPublishAt() == null ? null : w.getPublishAt().toInstant());
  }

  static dev.marquee.api.model.Promotion toDto(Promotion p) {
    return new dev.marquee.api.model.Promotion()
        .id(p.getId())
        .entryId(p.getEntryId())
        .audience(p.getAudience().key())
        .variantId(p.getVariantId())
        .state(dev.marquee.api.model.PromotionState.valueOf(p.getState().name()))
        .reason(p.getReason())
        .publishAt(time(p.getPublishAt()))
        .experimentId(p.getExperimentId())
        .armId(p.getArmId())
        .statistics(statistics(p.getStatistics()))
        .autoPublish(p.isAutoPublish())
        .proposedBy(p.getProposedBy())
        .proposedAt(time(p.getProposedAt()))
        .reviewedBy(p.getReviewedBy())
        .reviewedAt(time(p.getReviewedAt()))
        .reviewComment(p.getReviewComment())
        .publishedBy(p.getPublishedBy())
        .publishedAt(time(p.getPublishedAt()))
        .artworkVersion(p.getArtworkVersion())
        .version(p.getVersion());
  }

  static dev.marquee.api.model.ArtworkVersion toDto(ArtworkVersion v) {
    return new dev.marquee.api.model.ArtworkVersion()
        .entryId(v.getEntryId())
        .audience(v.getAudience().key())
        .number(v.getNumber())
        .variantId(v.getVariantId())
        .kind(dev.marquee.api.model.ArtworkVersionKind.valueOf(v.getKind().name()))
        .promotionId(v.getPromotionId())
        .restoredVersion(v.getRestoredVersion())
        .reason(v.getReason())
        .publishedBy(v.getPublishedBy())
        .publishedAt(time(v.getPublishedAt()));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  /** The stored snapshot as a JSON object; null (absent) for proposals made by hand. */
  private static Map<String, Object> statistics(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JsonMapperProvider.mapper().readValue(json, OBJECT);
    } catch (IOException e) {
      // written by PromotionService as JSON; an unreadable one is shown raw rather than lost
      return Map.of("raw", json);
    }
  }
}
