package dev.marquee.catalog;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.audit.ChangeSet;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Use cases on catalog entries. Each public method is one transaction and records an audit event
 * for every change it makes. Reads are transactional too: entries come back with parent and
 * collections loaded by follow-up queries that must share one persistence context, so callers can
 * use them after the transaction without lazy-loading errors.
 */
@ApplicationScoped
@Transactional
public class CatalogService {
  private CatalogRepository entries;
  private AuditLog audit;

  protected CatalogService() {}

  @Inject
  public CatalogService(CatalogRepository entries, AuditLog audit) {
    this.entries = entries;
    this.audit = audit;
  }

  /**
   * Creates an entry.
   *
   * @throws InvalidInputException when the draft breaks a rule or names an unknown/unsuitable
   *     parent
   * @throws ResourceConflictException when the external id is taken
   */
  public CatalogEntry create(EntryDraft draft, String actor) {
    EntryDraft valid = validated(draft);
    if (entries.findByExternalId(valid.externalId()).isPresent()) {
      throw new ResourceConflictException(
          "A catalog entry with external id '" + valid.externalId() + "' already exists");
    }
    CatalogEntry entry = new CatalogEntry(valid, parentFor(valid), actor, AuditLog.now());
    entries.add(entry);
    audit.record(
        actor,
        AuditAction.ENTRY_CREATED,
        AuditTarget.ENTRY,
        entry.getId().toString(),
        "Created " + describe(entry),
        entry.snapshot());
    return entry;
  }

  /**
   * @throws ResourceNotFoundException when there is no such entry
   */
  public CatalogEntry get(UUID id) {
    return entries.find(id).orElseThrow(() -> notFound(id.toString()));
  }

  /**
   * @throws ResourceNotFoundException when there is no such entry
   */
  public CatalogEntry getByExternalId(String externalId) {
    return entries.findByExternalId(externalId).orElseThrow(() -> notFound(externalId));
  }

  /**
   * Replaces the entry's fields with the draft's. An update that changes nothing keeps the version.
   *
   * @param expectedVersion the version the client last read (the ETag of {@code If-Match})
   * @throws StaleVersionException when the entry has changed since
   */
  public CatalogEntry update(UUID id, long expectedVersion, EntryDraft draft, String actor) {
    CatalogEntry entry = get(id);
    if (entry.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Catalog entry "
              + id
              + " is at version "
              + entry.getVersion()
              + ", not "
              + expectedVersion,
          entry.getVersion());
    }
    EntryDraft valid = validated(draft);
    if (!valid.externalId().equals(entry.getExternalId())) {
      // the external id is the host CMS's key; changing it would orphan the CMS's record
      throw new InvalidInputException(
          new FieldError("externalId", "cannot be changed (was '" + entry.getExternalId() + "')"));
    }
    applyChanges(entry, valid, actor);
    return entry;
  }

  /**
   * Creates the entry or makes the existing one with the same external id look like the draft; used
   * by integrations that do not track versions.
   */
  public UpsertResult upsert(EntryDraft draft, String actor) {
    EntryDraft valid = validated(draft);
    var existing = entries.findByExternalId(valid.externalId());
    if (existing.isEmpty()) {
      return new UpsertResult(create(valid, actor), UpsertOutcome.CREATED);
    }
    CatalogEntry entry = existing.get();
    boolean changed = applyChanges(entry, valid, actor);
    return new UpsertResult(entry, changed ? UpsertOutcome.UPDATED : UpsertOutcome.UNCHANGED);
  }

  private boolean applyChanges(CatalogEntry entry, EntryDraft valid, String actor) {
    CatalogEntry parent = parentFor(valid);
    if (valid.kind() != entry.getKind() && entries.hasChildren(entry.getId())) {
      throw new InvalidInputException(
          new FieldError("kind", "cannot change the kind of an entry that has children"));
    }
    Map<String, Object> before = entry.snapshot();
    if (!entry.apply(valid, parent, actor, AuditLog.now())) {
      return false;
    }
    audit.record(
        actor,
        AuditAction.ENTRY_UPDATED,
        AuditTarget.ENTRY,
        entry.getId().toString(),
        "Updated " + describe(entry),
        ChangeSet.between(before, entry.snapshot()));
    return true;
  }

  /** Hides the entry from default lists; archiving an archived entry changes nothing. */
  public CatalogEntry archive(UUID id, String actor) {
    return archive(id, null, actor);
  }

  /**
   * {@link #archive(UUID, String)} guarded by {@code If-Match}.
   *
   * @param expectedVersion the version the client last read, or null to skip the check
   * @throws StaleVersionException when the entry has changed since
   */
  public CatalogEntry archive(UUID id, Long expectedVersion, String actor) {
    return changeStatus(
        id, expectedVersion, actor, CatalogEntry::archive, AuditAction.ENTRY_ARCHIVED, "Archived ");
  }

  /** Archives the entry with this external id (integrations). */
  public CatalogEntry archiveByExternalId(String externalId, String actor) {
    return archive(getByExternalId(externalId).getId(), actor);
  }

  /** Makes an archived entry active again. */
  public CatalogEntry restore(UUID id, String actor) {
    return restore(id, null, actor);
  }

  /**
   * {@link #restore(UUID, String)} guarded by {@code If-Match}.
   *
   * @param expectedVersion the version the client last read, or null to skip the check
   */
  public CatalogEntry restore(UUID id, Long expectedVersion, String actor) {
    return changeStatus(
        id, expectedVersion, actor, CatalogEntry::restore, AuditAction.ENTRY_RESTORED, "Restored ");
  }

  /** A status change that is audited only when it changed something. */
  private CatalogEntry changeStatus(
      UUID id,
      Long expectedVersion,
      String actor,
      StatusChange change,
      AuditAction action,
      String summary) {
    CatalogEntry entry = current(id, expectedVersion);
    if (change.apply(entry, actor, AuditLog.now())) {
      audit.record(
          actor, action, AuditTarget.ENTRY, id.toString(), summary + describe(entry), null);
    }
    return entry;
  }

  @FunctionalInterface
  private interface StatusChange {
    boolean apply(CatalogEntry entry, String actor, java.time.Instant now);
  }

  /**
   * Deletes the entry and its tag links for good.
   *
   * @throws ResourceConflictException when other entries have it as their parent
   */
  public void delete(UUID id, String actor) {
    delete(id, null, actor);
  }

  /**
   * {@link #delete(UUID, String)} guarded by {@code If-Match}.
   *
   * @param expectedVersion the version the client last read, or null to skip the check
   */
  public void delete(UUID id, Long expectedVersion, String actor) {
    CatalogEntry entry = current(id, expectedVersion);
    if (entries.hasChildren(id)) {
      throw new ResourceConflictException(
          "Catalog entry " + describe(entry) + " has child entries; delete or move them first");
    }
    Map<String, Object> snapshot = entry.snapshot();
    entries.remove(entry);
    audit.record(
        actor,
        AuditAction.ENTRY_DELETED,
        AuditTarget.ENTRY,
        id.toString(),
        "Deleted " + describe(entry),
        snapshot);
  }

  /**
   * One page of entries.
   *
   * @param sort {@link EntrySort#TITLE} when null
   * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
   * @param limit 1..200, 50 when null
   * @throws InvalidInputException on {@code cursor} when it was issued for another sort or filter,
   *     on {@code limit} when out of range
   */
  public Page<CatalogEntry> list(EntryFilter filter, EntrySort sort, String cursor, Integer limit) {
    EntryFilter f = filter == null ? EntryFilter.all() : filter;
    EntrySort s = sort == null ? EntrySort.TITLE : sort;
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("entries\u0001" + s + "\u0001" + f.canonical());
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    List<CatalogEntry> rows = entries.list(f, s, after, size + 1);
    return Page.fromOverfetch(
        rows,
        size,
        last ->
            new KeysetCursor(
                    fingerprint,
                    s == EntrySort.UPDATED_AT ? last.getUpdatedAt().toString() : sortKey(last),
                    last.getId())
                .encode());
  }

  private static String sortKey(CatalogEntry entry) {
    return entry.getTitle().toLowerCase(java.util.Locale.ROOT);
  }

  private CatalogEntry current(UUID id, Long expectedVersion) {
    CatalogEntry entry = get(id);
    if (expectedVersion != null && entry.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Catalog entry "
              + id
              + " is at version "
              + entry.getVersion()
              + ", not "
              + expectedVersion,
          entry.getVersion());
    }
    return entry;
  }

  private EntryDraft validated(EntryDraft draft) {
    List<FieldError> errors = EntryDraftValidator.validate(draft);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The catalog entry is invalid", errors);
    }
    return draft.normalized();
  }

  private CatalogEntry parentFor(EntryDraft draft) {
    if (draft.parentExternalId() == null) {
      return null;
    }
    CatalogEntry parent =
        entries
            .findByExternalId(draft.parentExternalId())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        new FieldError(
                            "parentExternalId",
                            "no catalog entry has external id '"
                                + draft.parentExternalId()
                                + "'")));
    if (!draft.kind().acceptsParent(parent.getKind())) {
      throw new InvalidInputException(
          new FieldError(
              "parentExternalId",
              "a "
                  + draft.kind()
                  + " cannot belong to a "
                  + parent.getKind()
                  + parentRule(draft.kind())));
    }
    return parent;
  }

  static String parentRule(EntryKind kind) {
    return switch (kind) {
      case SEASON -> " (a season's parent must be a SERIES)";
      case EPISODE -> " (an episode's parent must be a SEASON or SERIES)";
      default -> "";
    };
  }

  private static String describe(CatalogEntry entry) {
    return entry.getKind() + " '" + entry.getTitle() + "' (" + entry.getExternalId() + ")";
  }

  private static ResourceNotFoundException notFound(String key) {
    return new ResourceNotFoundException("No catalog entry " + key);
  }
}
