package dev.marquee.tagging;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Curates the engagement-tag vocabulary: listing with usage, creating, renaming and merging. */
@ApplicationScoped
@Transactional
public class TagVocabularyService {
  private TagRepository tags;
  private AuditLog audit;

  protected TagVocabularyService() {}

  @Inject
  public TagVocabularyService(TagRepository tags, AuditLog audit) {
    this.tags = tags;
    this.audit = audit;
  }

  /**
   * Terms with usage counts ordered by value (case-insensitive), optionally of one kind and
   * starting with a prefix (case-insensitive).
   */
  public Page<TagUsage> list(TagKind kind, String valuePrefix, String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    String prefix = valuePrefix == null || valuePrefix.isBlank() ? null : valuePrefix;
    String fingerprint =
        KeysetCursor.fingerprint(
            "tags\u0001" + kind + "\u0001" + (prefix == null ? null : TagRef.normalize(prefix)));
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    List<TagUsage> rows = tags.listUsage(kind, prefix, after, size + 1);
    return Page.fromOverfetch(
        rows,
        size,
        last ->
            new KeysetCursor(fingerprint, last.tag().getNormalizedValue(), last.tag().getId())
                .encode());
  }

  /**
   * @throws ResourceNotFoundException when there is no such term
   */
  public TagUsage get(UUID id) {
    EngagementTag tag = find(id);
    return new TagUsage(tag, tags.usageCount(id));
  }

  /**
   * @throws ResourceConflictException when the kind already has this value (any case)
   */
  public EngagementTag create(TagRef ref, String actor) {
    TagRef checked = checked(ref, "value");
    tags.find(checked)
        .ifPresent(
            existing -> {
              throw new ResourceConflictException(
                  "Tag " + existing.ref() + " already exists (id " + existing.getId() + ")");
            });
    EngagementTag tag = new EngagementTag(checked, actor, AuditLog.now());
    tags.add(tag);
    audit.record(
        actor,
        AuditAction.TAG_CREATED,
        AuditTarget.TAG,
        tag.getId().toString(),
        "Created tag " + tag.ref(),
        Map.of("tag", tag.ref().toString()));
    return tag;
  }

  /**
   * Changes a term's spelling; every entry carrying it shows the new value.
   *
   * @throws ResourceConflictException when another term of the kind already has the new value (use
   *     merge instead)
   */
  public EngagementTag rename(UUID id, String newValue, String actor) {
    EngagementTag tag = find(id);
    TagRef target = checked(new TagRef(tag.getKind(), newValue), "value");
    var clash = tags.find(target);
    if (clash.isPresent() && !clash.get().getId().equals(id)) {
      throw new ResourceConflictException(
          "Tag "
              + clash.get().ref()
              + " already exists (id "
              + clash.get().getId()
              + "); use merge to combine the two tags");
    }
    String before = tag.getValue();
    if (before.equals(target.value())) {
      return tag;
    }
    tag.rename(target.value());
    audit.record(
        actor,
        AuditAction.TAG_RENAMED,
        AuditTarget.TAG,
        id.toString(),
        "Renamed tag " + tag.getKind() + ":" + before + " to " + tag.getValue(),
        Map.of("value", change(before, tag.getValue())));
    return tag;
  }

  /**
   * Merges {@code sourceId} into {@code targetId}: the source's entries get the target tag (where
   * an entry carried both, the higher weight survives), then the source term is deleted.
   *
   * @return the target with its new usage count
   */
  public TagUsage merge(UUID sourceId, UUID targetId, String actor) {
    if (sourceId.equals(targetId)) {
      throw new ResourceConflictException("A tag cannot be merged into itself.");
    }
    EngagementTag source = find(sourceId);
    EngagementTag target = find(targetId);
    if (source.getKind() != target.getKind()) {
      throw new ResourceConflictException(
          "Cannot merge "
              + source.ref()
              + " into "
              + target.ref()
              + ": tags of different kinds mean different things.");
    }
    Map<UUID, EntryTag> targetLinks = new HashMap<>();
    for (EntryTag link : tags.linksTo(targetId)) {
      targetLinks.put(link.getEntry().getId(), link);
    }
    int moved = 0;
    int collapsed = 0;
    for (EntryTag link : tags.linksTo(sourceId)) {
      EntryTag duplicate = targetLinks.get(link.getEntry().getId());
      if (duplicate == null) {
        link.moveTo(target);
        moved++;
      } else {
        duplicate.keepHigherWeight(link.getWeight());
        tags.remove(link);
        collapsed++;
      }
    }
    // links must leave the source before it goes, or the cascade would take them along
    tags.flush();
    tags.remove(source);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("source", source.ref().toString());
    details.put("sourceId", sourceId.toString());
    details.put("target", target.ref().toString());
    details.put("linksMoved", moved);
    details.put("duplicatesCollapsed", collapsed);
    audit.record(
        actor,
        AuditAction.TAG_MERGED,
        AuditTarget.TAG,
        targetId.toString(),
        "Merged tag " + source.ref() + " into " + target.ref(),
        details);
    tags.flush();
    return new TagUsage(target, tags.usageCount(targetId));
  }

  private static Map<String, Object> change(Object before, Object after) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("before", before);
    change.put("after", after);
    return change;
  }

  private static TagRef checked(TagRef ref, String field) {
    if (ref == null) {
      throw new InvalidInputException(new FieldError(field, "is required"));
    }
    return ref.check(field);
  }

  private EngagementTag find(UUID id) {
    return tags.find(id)
        .orElseThrow(() -> new ResourceNotFoundException("No engagement tag " + id));
  }
}
