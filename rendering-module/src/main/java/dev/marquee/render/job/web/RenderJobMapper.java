package dev.marquee.render.job.web;

import dev.marquee.api.model.RenderFailure;
import dev.marquee.api.model.RenderJobState;
import dev.marquee.render.job.RenderJob;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Render job DTOs. */
final class RenderJobMapper {
  private RenderJobMapper() {}

  static dev.marquee.api.model.RenderJob toDto(RenderJob job) {
    return new dev.marquee.api.model.RenderJob()
        .id(job.getId())
        .entryId(job.getEntryId())
        .state(RenderJobState.fromValue(job.getState().name()))
        .total(job.getTotal())
        .done(job.done())
        .rendered(job.getRendered())
        .skipped(job.getSkipped())
        .failed(job.getFailed())
        .interrupted(job.isInterrupted())
        .failures(
            job.getFailures().stream()
                .map(
                    f ->
                        new RenderFailure()
                            .imageId(f.getImageId())
                            .tagId(f.getTagId())
                            .template(f.getTemplateName())
                            .templateVersion(f.getTemplateVersion())
                            .reason(f.getReason()))
                .toList())
        .createdAt(time(job.getCreatedAt()))
        .createdBy(job.getCreatedBy())
        .startedAt(time(job.getStartedAt()))
        .finishedAt(time(job.getFinishedAt()));
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
