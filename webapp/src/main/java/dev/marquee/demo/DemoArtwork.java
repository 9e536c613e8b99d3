package dev.marquee.demo;

import dev.marquee.catalog.CatalogService;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.job.RenderJob;
import dev.marquee.render.job.RenderJobState;
import dev.marquee.render.job.RenderJobSubmission;
import dev.marquee.render.job.RenderJobs;
import dev.marquee.render.job.RenderQueueFullException;
import dev.marquee.render.region.Suggestion;
import dev.marquee.render.region.SuggestionStatus;
import dev.marquee.render.region.TaggedRegionService;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageService;
import dev.marquee.render.source.SpooledUpload;
import dev.marquee.render.template.TemplateDefinitionCodec;
import dev.marquee.render.template.TemplateService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The demo's artwork, made through the same services an editor uses: the tile template, the
 * photographs uploaded as source images (the face detector runs on each upload), the tagged regions
 * (accepting the detector's face where the plan says so), and render jobs that render every (image
 * × region × template) plus the untagged variants. Each step finds what an earlier, interrupted
 * start already did and does only the rest.
 */
@ApplicationScoped
class DemoArtwork {
  private static final Logger LOG = Logger.getLogger(DemoArtwork.class.getName());

  /**
   * A detector's face counts as "the face in the plan" when it overlaps the planned area this much.
   */
  static final double FACE_OVERLAP = 0.3;

  private static final Duration POLL = Duration.ofMillis(250);

  @Inject CatalogService catalog;
  @Inject SourceImageService images;
  @Inject TaggedRegionService regions;
  @Inject DemoTags tags;
  @Inject TemplateService templates;
  @Inject RenderJobSubmission renderJobs;
  @Inject RenderJobs jobs;

  /** Creates the tile template unless it exists. */
  void ensureTemplate(DemoPlan.TemplatePlan plan) {
    try {
      templates.latest(plan.name());
    } catch (ResourceNotFoundException absent) {
      templates.create(
          plan.name(),
          plan.description(),
          TemplateDefinitionCodec.fromJson(plan.definition().toString()),
          DemoCatalogLoader.ACTOR);
    }
  }

  /**
   * Uploads each entry's photographs and marks its regions.
   *
   * @return the ids of the entries that have artwork, in plan order
   */
  List<UUID> uploadAndTag(DemoPlan plan, DemoProgress progress) {
    List<UUID> entries = new ArrayList<>();
    int done = 0;
    for (DemoPlan.EntryArtwork artwork : plan.artwork()) {
      progress.counting(
          "Uploading photographs and marking tagged regions", done++, plan.artwork().size());
      UUID entryId = catalog.getByExternalId(artwork.entry()).getId();
      for (DemoPlan.ImageUse use : artwork.images()) {
        DemoPlan.ImagePlan image = plan.images().get(use.image());
        SourceImage source = upload(entryId, image);
        for (DemoPlan.RegionPlan region : use.regions()) {
          mark(entryId, source, region, image.areas().get(region.area()));
        }
      }
      entries.add(entryId);
    }
    return entries;
  }

  private SourceImage upload(UUID entryId, DemoPlan.ImagePlan image) {
    String resource = image.file();
    try (InputStream in = DemoArtwork.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, "demo image " + resource + " is missing from the WAR");
      try (SpooledUpload spooled =
          SpooledUpload.receive(
              in, images.maxBytes(), Path.of(System.getProperty("java.io.tmpdir")))) {
        return images
            .upload(
                entryId,
                spooled,
                resource.substring(resource.lastIndexOf('/') + 1),
                DemoCatalogLoader.ACTOR)
            .image();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot upload the demo image " + resource, e);
    }
  }

  private void mark(
      UUID entryId, SourceImage image, DemoPlan.RegionPlan region, DemoPlan.Area area) {
    UUID tagId = tags.idOf(entryId, region.tagRef());
    if (regions.find(image.getId(), tagId).isPresent()) {
      return;
    }
    if (region.face()) {
      Optional<Suggestion> face = faceIn(image.getId(), area.rect());
      if (face.isPresent()) {
        regions.accept(image.getId(), face.get().getId(), null, tagId, DemoCatalogLoader.ACTOR);
        return;
      }
      LOG.info(
          () ->
              "No face suggestion on the demo image of "
                  + entryId
                  + " for "
                  + region.tag()
                  + "; marking the planned area instead");
    }
    regions.put(image.getId(), tagId, area.rect(), OptionalLong.empty(), DemoCatalogLoader.ACTOR);
  }

  /** The most confident pending face suggestion overlapping {@code area}. */
  private Optional<Suggestion> faceIn(UUID imageId, NormalizedRect area) {
    return regions.suggestionsOf(imageId).stream()
        .filter(s -> s.getStatus() == SuggestionStatus.PENDING && "FACE".equals(s.getKind()))
        .filter(s -> overlap(s.rect(), area) >= FACE_OVERLAP)
        .max(Comparator.comparingDouble(Suggestion::getConfidence));
  }

  /** Intersection over union of two rectangles. */
  static double overlap(NormalizedRect a, NormalizedRect b) {
    double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
    double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
    if (w <= 0 || h <= 0) {
      return 0;
    }
    double intersection = w * h;
    return intersection / (a.width() * a.height() + b.width() * b.height() - intersection);
  }

  /**
   * Renders every entry's variants with the template, one render job per entry, waiting for a free
   * queue slot whenever the queue is full, and then for every job to finish.
   *
   * @throws IllegalStateException when a job failed
   */
  void render(List<UUID> entries, String template, DemoProgress progress)
      throws InterruptedException {
    List<UUID> submitted = new ArrayList<>();
    for (UUID entry : entries) {
      submitted.add(submitWhenQueueHasRoom(entry, template, submitted, progress));
    }
    while (!report(submitted, progress)) {
      Thread.sleep(POLL.toMillis());
    }
    for (UUID id : submitted) {
      RenderJob job = jobs.get(id);
      if (job.getState() != RenderJobState.SUCCEEDED) {
        throw new IllegalStateException(
            "Render job "
                + id
                + " of demo entry "
                + job.getEntryId()
                + " ended "
                + job.getState()
                + " with "
                + job.getFailed()
                + " failed variants (the job's failures say why)");
      }
    }
  }

  private UUID submitWhenQueueHasRoom(
      UUID entry, String template, List<UUID> submitted, DemoProgress progress)
      throws InterruptedException {
    while (true) {
      try {
        return renderJobs
            .submit(entry, List.of(template), null, true, DemoCatalogLoader.ACTOR)
            .getId();
      } catch (RenderQueueFullException full) {
        // the queue is shared with editors' jobs: wait for a slot rather than fail the demo
        report(submitted, progress);
        Thread.sleep(POLL.toMillis());
      }
    }
  }

  /**
   * Publishes the variants done so far.
   *
   * @return whether every job has finished
   */
  private boolean report(List<UUID> submitted, DemoProgress progress) {
    int done = 0;
    int total = 0;
    boolean finished = true;
    for (UUID id : submitted) {
      RenderJob job = jobs.get(id);
      done += job.done();
      total += job.getTotal();
      finished &=
          job.getState() != RenderJobState.QUEUED && job.getState() != RenderJobState.RUNNING;
    }
    progress.counting("Artwork is being rendered", done, total);
    return finished;
  }
}
