package dev.marquee.render.region;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.source.SourceImage;
import dev.marquee.render.source.SourceImageService;
import dev.marquee.tagging.EntryTag;
import dev.marquee.tagging.TagKind;
import dev.marquee.tagging.TagRef;
import dev.marquee.tagging.TagRepository;
import dev.marquee.tagging.TagSource;
import dev.marquee.tagging.TaggingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Marks, moves and removes tagged regions, and lets editors decide on suggestions: accepting one
 * tags the entry if needed and places the region in one transaction.
 */
@ApplicationScoped
@Transactional
public class TaggedRegionService {
  @Inject RegionRepository regions;
  @Inject SourceImageService images;
  @Inject TagRepository tags;
  @Inject TaggingService tagging;
  @Inject AuditLog audit;

  /** The image's regions ordered by tag kind and value. */
  public List<TaggedRegion> regionsOf(UUID imageId) {
    images.get(imageId);
    return regions.regionsOf(imageId);
  }

  /** The image's region for the tag, if it has one (the image must exist). */
  public Optional<TaggedRegion> find(UUID imageId, UUID tagId) {
    images.get(imageId);
    return regions.findRegion(imageId, tagId);
  }

  /**
   * Creates or moves the region of {@code tagId} on the image; it becomes MANUAL.
   *
   * @param expectedVersion checked when the region exists
   * @throws ResourceNotFoundException when the image does not exist or the tag is not on its entry
   * @throws StaleVersionException when the region is not at {@code expectedVersion}
   */
  public RegionChange put(
      UUID imageId, UUID tagId, NormalizedRect rect, OptionalLong expectedVersion, String actor) {
    SourceImage image = images.get(imageId);
    EntryTag link = linkOf(image, tagId);
    Instant now = AuditLog.now();
    Optional<TaggedRegion> existing = regions.findRegion(imageId, tagId);
    TaggedRegion region;
    if (existing.isPresent()) {
      region = existing.get();
      checkVersion(region, expectedVersion);
      region.redraw(rect, actor, now);
    } else {
      region = new TaggedRegion(image, link, rect, actor, now);
      regions.add(region);
    }
    recordSet(region, link, actor, existing.isPresent() ? "Moved" : "Marked");
    regions.flush();
    return new RegionChange(region, existing.isEmpty());
  }

  /**
   * @throws ResourceNotFoundException when the image has no region for the tag
   * @throws StaleVersionException when the region is not at {@code expectedVersion}
   */
  public void delete(UUID imageId, UUID tagId, OptionalLong expectedVersion, String actor) {
    images.get(imageId);
    TaggedRegion region =
        regions
            .findRegion(imageId, tagId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "Source image " + imageId + " has no region for tag " + tagId));
    checkVersion(region, expectedVersion);
    regions.remove(region);
    audit.record(
        actor,
        AuditAction.REGION_REMOVED,
        AuditTarget.SOURCE_IMAGE,
        imageId.toString(),
        "Removed the region of " + region.getEntryTag().getTag().ref(),
        Map.of("tag", region.getEntryTag().getTag().ref().toString()));
  }

  /** The image's suggestions (the image must exist). */
  public List<Suggestion> suggestionsOf(UUID imageId) {
    images.get(imageId);
    return regions.suggestionsOf(imageId);
  }

  /**
   * Accepts a pending suggestion as the region of a tag: an existing tag of the entry ({@code
   * tagId}) or the cast member's CAST tag, added to the entry (source SUGGESTED) if missing.
   *
   * @throws InvalidInputException unless exactly one of {@code castMember} and {@code tagId}
   * @throws ResourceNotFoundException for an unknown suggestion, or a tag not on the entry
   * @throws dev.marquee.errors.ResourceConflictException when it was decided before
   */
  public TaggedRegion accept(
      UUID imageId, UUID suggestionId, String castMember, UUID tagId, String actor) {
    if ((castMember == null) == (tagId == null)) {
      throw new InvalidInputException(
          "Send either castMember or tagId",
          List.of(
              new FieldError("castMember", "send either castMember or tagId"),
              new FieldError("tagId", "send either castMember or tagId")));
    }
    Suggestion suggestion = pendingSuggestion(imageId, suggestionId);
    SourceImage image = suggestion.getImage();
    EntryTag link =
        tagId != null ? linkOf(image, tagId) : castTag(image.getEntry().getId(), castMember, actor);
    Instant now = AuditLog.now();
    TaggedRegion region =
        regions
            .findRegion(imageId, link.getTag().getId())
            .orElseGet(
                () -> {
                  TaggedRegion created =
                      new TaggedRegion(image, link, suggestion.rect(), actor, now);
                  regions.add(created);
                  return created;
                });
    region.adopt(suggestion, actor, now);
    suggestion.accept(link.getTag().getId(), actor, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("suggestionId", suggestionId.toString());
    details.put("detector", suggestion.getDetector());
    details.put("tag", link.getTag().ref().toString());
    audit.record(
        actor,
        AuditAction.SUGGESTION_ACCEPTED,
        AuditTarget.SOURCE_IMAGE,
        imageId.toString(),
        "Accepted a " + suggestion.getKind() + " suggestion as " + link.getTag().ref(),
        details);
    regions.flush();
    return region;
  }

  /**
   * @throws ResourceNotFoundException for an unknown suggestion
   * @throws dev.marquee.errors.ResourceConflictException when it was decided before
   */
  public Suggestion reject(UUID imageId, UUID suggestionId, String actor) {
    Suggestion suggestion = pendingSuggestion(imageId, suggestionId);
    suggestion.reject(actor, AuditLog.now());
    audit.record(
        actor,
        AuditAction.SUGGESTION_REJECTED,
        AuditTarget.SOURCE_IMAGE,
        imageId.toString(),
        "Rejected a " + suggestion.getKind() + " suggestion by " + suggestion.getDetector(),
        Map.of("suggestionId", suggestionId.toString(), "detector", suggestion.getDetector()));
    return suggestion;
  }

  private Suggestion pendingSuggestion(UUID imageId, UUID suggestionId) {
    images.get(imageId);
    Suggestion suggestion =
        regions
            .findSuggestion(suggestionId)
            .filter(s -> s.getImage().getId().equals(imageId))
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "Source image " + imageId + " has no suggestion " + suggestionId));
    suggestion.requirePending();
    return suggestion;
  }

  /** The entry's CAST tag for the person, tagging the entry (as SUGGESTED) only if it lacks it. */
  private EntryTag castTag(UUID entryId, String castMember, String actor) {
    TagRef ref = new TagRef(TagKind.CAST, castMember).check("castMember");
    return tags.find(ref)
        .flatMap(term -> tags.findLink(entryId, term.getId()))
        .orElseGet(() -> tagging.tag(entryId, ref, null, TagSource.SUGGESTED, actor));
  }

  private EntryTag linkOf(SourceImage image, UUID tagId) {
    UUID entryId = image.getEntry().getId();
    return tags.findLink(entryId, tagId)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "Tag " + tagId + " is not on entry " + entryId + " of this image"));
  }

  private static void checkVersion(TaggedRegion region, OptionalLong expected) {
    if (expected.isPresent() && expected.getAsLong() != region.getVersion()) {
      throw new StaleVersionException(
          "The region was changed by someone else; the current version is " + region.getVersion(),
          region.getVersion());
    }
  }

  private void recordSet(TaggedRegion region, EntryTag link, String actor, String verb) {
    NormalizedRect rect = region.rect();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tag", link.getTag().ref().toString());
    details.put(
        "rect",
        Map.of("x", rect.x(), "y", rect.y(), "width", rect.width(), "height", rect.height()));
    audit.record(
        actor,
        AuditAction.REGION_SET,
        AuditTarget.SOURCE_IMAGE,
        region.getImage().getId().toString(),
        verb + " the region of " + link.getTag().ref(),
        details);
  }
}
