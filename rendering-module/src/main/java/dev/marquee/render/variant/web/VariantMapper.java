package dev.marquee.render.variant.web;

import dev.marquee.api.model.NormalizedRect;
import dev.marquee.api.model.Rendition;
import dev.marquee.render.variant.StoredRendition;
import dev.marquee.render.variant.Variant;
import java.time.ZoneOffset;

/** Variant DTOs. */
final class VariantMapper {
  private VariantMapper() {}

  static dev.marquee.api.model.Variant toDto(Variant v) {
    var region = v.region();
    return new dev.marquee.api.model.Variant()
        .id(v.getId())
        .entryId(v.getEntryId())
        .imageId(v.getSourceImageId())
        .tagId(v.getTagId())
        .region(
            region == null
                ? null
                : new NormalizedRect()
                    .x(region.x())
                    .y(region.y())
                    .width(region.width())
                    .height(region.height()))
        .template(v.getTemplateVersion().getTemplate().getName())
        .templateVersion(v.getTemplateVersion().getNumber())
        .identityKey(v.getIdentityKey())
        .texts(v.texts())
        .renditions(v.getRenditions().stream().map(VariantMapper::rendition).toList())
        .jobId(v.getJobId())
        .createdAt(v.getCreatedAt().atOffset(ZoneOffset.UTC));
  }

  private static Rendition rendition(StoredRendition r) {
    return new Rendition()
        .label(r.getLabel())
        .width(r.getWidth())
        .height(r.getHeight())
        .format(Rendition.FormatEnum.fromValue(r.getFormat().name()))
        .contentHash(r.getContentHash())
        .byteSize(r.getByteSize())
        .url(r.url());
  }
}
