package dev.marquee.render.job;

import dev.marquee.catalog.CatalogService;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageRepository;
import dev.marquee.render.template.TemplateService;
import dev.marquee.render.template.TemplateVersion;
import dev.marquee.tagging.TaggingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Decides what a job renders: every (image × template) without a tag when asked, plus every (image
 * × tagged region × template) for the wanted tags, with templates pinned to their latest versions
 * now.
 */
@ApplicationScoped
@Transactional
public class RenderJobPlanner {
  @Inject CatalogService catalog;
  @Inject TaggingService tagging;
  @Inject TemplateService templates;
  @Inject SourceImageRepository images;
  @Inject TaggedRegions regions;

  /**
   * @param templateNames templates to use, or null for all ACTIVE ones
   * @param tagIds tags to use, or null for every tag with a region
   * @throws InvalidInputException naming {@code templates[i]} or {@code tagIds[i]}
   */
  public List<JobItem> plan(
      UUID entryId, List<String> templateNames, List<UUID> tagIds, boolean includeUntagged) {
    catalog.get(entryId);
    List<FieldError> errors = new ArrayList<>();
    List<TemplateVersion> versions = new ArrayList<>();
    if (templateNames == null) {
      versions.addAll(templates.activeLatest());
    } else {
      for (int i = 0; i < templateNames.size(); i++) {
        try {
          versions.add(templates.renderable(templateNames.get(i), null, "templates[" + i + "]"));
        } catch (InvalidInputException e) {
          errors.addAll(e.errors());
        }
      }
    }
    Set<UUID> wantedTags = null;
    if (tagIds != null) {
      Set<UUID> entryTags = new HashSet<>();
      tagging.tagsOf(entryId).forEach(t -> entryTags.add(t.getTag().getId()));
      for (int i = 0; i < tagIds.size(); i++) {
        if (!entryTags.contains(tagIds.get(i))) {
          errors.add(new FieldError("tagIds[" + i + "]", "is not a tag of this entry"));
        }
      }
      wantedTags = new HashSet<>(tagIds);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid",
          errors);
    }
    List<JobItem> items = new ArrayList<>();
    for (SourceImage image : images.listByEntry(entryId)) {
      List<TaggedRegions.TaggedRegion> imageRegions = regions.on(image.getId());
      for (TemplateVersion version : versions) {
        if (includeUntagged) {
          items.add(item(image, null, version));
        }
        for (TaggedRegions.TaggedRegion region : imageRegions) {
          if (wantedTags == null || wantedTags.contains(region.tagId())) {
            items.add(item(image, region, version));
          }
        }
      }
    }
    return items;
  }

  private static JobItem item(
      SourceImage image, TaggedRegions.TaggedRegion region, TemplateVersion version) {
    return new JobItem(
        image.getId(),
        region == null ? null : region.tagId(),
        region == null
            ? null
            : new double[] {
              region.rect().x(), region.rect().y(), region.rect().width(), region.rect().height()
            },
        version.getId(),
        version.getTemplate().getName(),
        version.getNumber());
  }
}
