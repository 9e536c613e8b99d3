package dev.marquee.render.source.web;

import dev.marquee.api.model.ImageFormat;
import dev.marquee.render.source.SourceImage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps source images to the API's DTOs. */
final class SourceImageMapper {
  private SourceImageMapper() {}

  static dev.marquee.api.model.SourceImage toDto(SourceImage image) {
    return new dev.marquee.api.model.SourceImage()
        .id(image.getId())
        .entryId(image.getEntry().getId())
        .contentHash(image.getContentKey().sha256Hex())
        .format(ImageFormat.valueOf(image.getFormat().name()))
        .mediaType(image.getFormat().mediaType())
        .width(image.getWidth())
        .height(image.getHeight())
        .byteSize(image.getByteSize())
        .originalName(image.getOriginalName())
        .uploadedBy(image.getUploadedBy())
        .uploadedAt(time(image.getUploadedAt()));
  }

  static OffsetDateTime time(java.time.Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
