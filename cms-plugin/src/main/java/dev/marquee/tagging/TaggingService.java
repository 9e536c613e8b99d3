package dev.marquee.tagging;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.CatalogRepository;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Puts engagement tags on catalog entries and takes them off; audits each change. */
@ApplicationScoped
@Transactional
public class TaggingService {
  private CatalogRepository entries;
  private TagRepository tags;
  private AuditLog audit;

  protected TaggingService() {}

  @Inject
  public TaggingService(CatalogRepository entries, TagRepository tags, AuditLog audit) {
    this.entries = entries;
    this.tags = tags;
    this.audit = audit;
  }

  /**
   * Tags an entry, adding the term to the vocabulary if it is new. Tagging again with the same tag
   * updates weight and source.
   *
   * @param weight 0..1 or null
   * @param source MANUAL when null
   * @throws ResourceNotFoundException when the entry does not exist
   * @throws InvalidInputException on {@code tag} or {@code weight}
   */
  public EntryTag tag(UUID entryId, TagRef tag, Double weight, TagSource source, String actor) {
    CatalogEntry entry = entry(entryId);
    TagRef ref = checked(tag);
    if (weight != null && (weight.isNaN() || weight < 0 || weight > 1)) {
      throw new InvalidInputException(new FieldError("weight", "must be between 0 and 1"));
    }
    TagSource effectiveSource = source == null ? TagSource.MANUAL : source;
    Instant now = AuditLog.now();
    EngagementTag term = tags.find(ref).orElseGet(() -> createTerm(ref, actor, now));
    var existing = tags.findLink(entryId, term.getId());
    EntryTag link;
    if (existing.isPresent()) {
      link = existing.get();
      if (!link.retag(weight, effectiveSource, actor, now)) {
        return link;
      }
    } else {
      link = new EntryTag(entry, term, weight, effectiveSource, actor, now);
      tags.add(link);
    }
    entry.touch(actor, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("tag", term.ref().toString());
    details.put("weight", weight);
    details.put("source", effectiveSource.name());
    audit.record(
        actor,
        AuditAction.ENTRY_TAGGED,
        AuditTarget.ENTRY,
        entryId.toString(),
        "Tagged " + entry.getExternalId() + " with " + term.ref(),
        details);
    return link;
  }

  /**
   * Removes a tag from an entry.
   *
   * @throws ResourceNotFoundException when the entry does not carry the tag
   */
  public void untag(UUID entryId, UUID tagId, String actor) {
    EntryTag link =
        tags.findLink(entryId, tagId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "Catalog entry " + entryId + " is not tagged with tag " + tagId));
    tags.remove(link);
    link.getEntry().touch(actor, AuditLog.now());
    audit.record(
        actor,
        AuditAction.ENTRY_UNTAGGED,
        AuditTarget.ENTRY,
        entryId.toString(),
        "Removed tag " + link.getTag().ref(),
        Map.of("tag", link.getTag().ref().toString()));
  }

  /** The entry's tags ordered by kind and value. */
  public List<EntryTag> tagsOf(UUID entryId) {
    entry(entryId);
    return tags.linksOf(entryId);
  }

  /** The tags of many entries in one query (list pages), grouped by entry id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.Map<UUID, List<EntryTag>> tagsOf(Collection<UUID> entryIds) {
    if (entryIds.isEmpty()) {
      return java.util.Map.of();
    }
    return tags.linksOf(entryIds).stream()
        .collect(java.util.stream.Collectors.groupingBy(link -> link.getEntry().getId()));
  }

  /**
   * Makes the entry's IMPORTED tags exactly {@code desired}, leaving MANUAL and SUGGESTED links
   * alone; for integrations. Records one ENTRY_TAGGED event when something changed.
   *
   * @return whether any link was added or removed
   */
  public boolean replaceImportedTags(UUID entryId, Collection<TagRef> desired, String actor) {
    CatalogEntry entry = entry(entryId);
    List<TagRef> refs = desired.stream().map(this::checked).toList();
    Map<String, EngagementTag> vocabulary = new HashMap<>(tags.findAll(refs));
    List<EntryTag> before = tags.linksOf(entryId);
    List<String> beforeImported = importedRefs(before);
    Instant now = AuditLog.now();
    boolean changed =
        syncImported(
            entry,
            before,
            refs,
            r ->
                vocabulary.computeIfAbsent(
                    TagRepository.key(r.kind(), r.normalizedValue()),
                    k -> createTerm(r, actor, now)),
            actor,
            now);
    if (changed) {
      audit.record(
          actor,
          AuditAction.ENTRY_TAGGED,
          AuditTarget.ENTRY,
          entryId.toString(),
          "Replaced imported tags of " + entry.getExternalId(),
          Map.of(
              "importedTags",
              Map.of(
                  "before",
                  beforeImported,
                  "after",
                  refs.stream().map(TagRef::toString).toList())));
    }
    return changed;
  }

  /**
   * Bulk form of {@link #replaceImportedTags(UUID, Collection, String)} for the importer, without
   * auditing: works on preloaded links and lets the caller supply (and cache) vocabulary terms.
   *
   * @param currentLinks all links of {@code entry}
   * @param termFor the vocabulary term for a ref, created by the caller if new
   */
  public boolean syncImported(
      CatalogEntry entry,
      List<EntryTag> currentLinks,
      Collection<TagRef> desired,
      Function<TagRef, EngagementTag> termFor,
      String actor,
      Instant now) {
    Map<String, TagRef> wanted = new LinkedHashMap<>();
    desired.forEach(r -> wanted.putIfAbsent(TagRepository.key(r.kind(), r.normalizedValue()), r));
    Map<String, EntryTag> current = new HashMap<>();
    boolean changed = false;
    for (EntryTag link : currentLinks) {
      String key = TagRepository.key(link.getTag().getKind(), link.getTag().getNormalizedValue());
      if (link.getSource() == TagSource.IMPORTED && !wanted.containsKey(key)) {
        tags.remove(link);
        changed = true;
      } else {
        current.put(key, link);
      }
    }
    for (Map.Entry<String, TagRef> w : wanted.entrySet()) {
      if (!current.containsKey(w.getKey())) {
        tags.add(
            new EntryTag(entry, termFor.apply(w.getValue()), null, TagSource.IMPORTED, actor, now));
        changed = true;
      }
    }
    return changed;
  }

  /** Creates a vocabulary term; the caller has checked that it does not exist. */
  public EngagementTag createTerm(TagRef ref, String actor, Instant now) {
    EngagementTag term = new EngagementTag(ref, actor, now);
    tags.add(term);
    return term;
  }

  private static List<String> importedRefs(List<EntryTag> links) {
    List<String> refs = new ArrayList<>();
    for (EntryTag l : links) {
      if (l.getSource() == TagSource.IMPORTED) {
        refs.add(l.getTag().ref().toString());
      }
    }
    return refs;
  }

  private TagRef checked(TagRef tag) {
    if (tag == null) {
      throw new InvalidInputException(new FieldError("tag", "is required"));
    }
    return tag.check("tag");
  }

  private CatalogEntry entry(UUID entryId) {
    return entries
        .find(entryId)
        .orElseThrow(() -> new ResourceNotFoundException("No catalog entry " + entryId));
  }
}
