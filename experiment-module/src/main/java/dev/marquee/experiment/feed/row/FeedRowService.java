package dev.marquee.experiment.feed.row;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.PreconditionRequiredException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Use cases on feed rows; every change is audited (which also refreshes the feed's snapshot). */
@ApplicationScoped
@Transactional
public class FeedRowService {
  public static final int MAX_ENTRIES = 100;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;

  /** The outcome of {@link #put}: the row and whether it was created. */
  public record Put(FeedRow row, boolean created) {}

  public Page<FeedRow> list(String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("feed-rows");
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    List<FeedRow> rows =
        em.createQuery(
                "select r from FeedRow r where r.name > :after order by r.name", FeedRow.class)
            .setParameter("after", after == null ? "" : after.sortKey())
            .setMaxResults(size + 1)
            .getResultList();
    return Page.fromOverfetch(
        rows,
        size,
        last -> new KeysetCursor(fingerprint, last.getName(), cursorId(last.getName())).encode());
  }

  /**
   * @throws ResourceNotFoundException when there is no such row
   */
  public FeedRow get(String name) {
    FeedRow row = name == null ? null : em.find(FeedRow.class, name);
    if (row == null) {
      throw new ResourceNotFoundException("No feed row named '" + name + "'");
    }
    return row;
  }

  /**
   * Creates the row, or replaces it when it exists.
   *
   * @param expectedVersion required to replace (null: 428 via the caller), ignored to create
   * @param versionGiven whether the client sent If-Match at all
   */
  public Put put(
      String name,
      boolean versionGiven,
      Long expectedVersion,
      String title,
      List<UUID> entryIds,
      String actor) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          new FieldError("rowName", "lower-case letters, digits and hyphens, at most 63"));
    }
    checkEntries(title, entryIds);
    Instant now = AuditLog.now();
    FeedRow existing = em.find(FeedRow.class, name);
    if (existing == null) {
      FeedRow row = new FeedRow(name, title.trim(), entryIds, actor, now);
      em.persist(row);
      record(actor, AuditAction.FEED_ROW_CREATED, row, "Created feed row '" + name + "'");
      em.flush();
      return new Put(row, true);
    }
    if (!versionGiven) {
      throw new PreconditionRequiredException(
          "Replacing feed row '" + name + "' needs If-Match with the ETag you last read");
    }
    if (expectedVersion != null && existing.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Feed row '"
              + name
              + "' is at version "
              + existing.getVersion()
              + ", not "
              + expectedVersion,
          existing.getVersion());
    }
    existing.replace(title.trim(), entryIds, actor, now);
    record(actor, AuditAction.FEED_ROW_UPDATED, existing, "Replaced feed row '" + name + "'");
    em.flush();
    return new Put(existing, false);
  }

  /**
   * @param expectedVersion the version read, or null for any
   */
  public void delete(String name, Long expectedVersion, String actor) {
    FeedRow row = get(name);
    if (expectedVersion != null && row.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Feed row '" + name + "' is at version " + row.getVersion() + ", not " + expectedVersion,
          row.getVersion());
    }
    em.remove(row);
    record(actor, AuditAction.FEED_ROW_DELETED, row, "Deleted feed row '" + name + "'");
  }

  private void checkEntries(String title, List<UUID> entryIds) {
    List<FieldError> errors = new ArrayList<>();
    if (title == null || title.isBlank() || title.trim().length() > 200) {
      errors.add(new FieldError("title", "1 to 200 characters"));
    }
    if (entryIds == null || entryIds.isEmpty() || entryIds.size() > MAX_ENTRIES) {
      errors.add(new FieldError("entryIds", "1 to " + MAX_ENTRIES + " entry ids"));
    } else {
      Set<UUID> known =
          new HashSet<>(
              em.createQuery("select e.id from CatalogEntry e where e.id in :ids", UUID.class)
                  .setParameter("ids", entryIds)
                  .getResultList());
      Set<UUID> seen = new HashSet<>();
      for (int i = 0; i < entryIds.size(); i++) {
        UUID id = entryIds.get(i);
        if (!seen.add(id)) {
          errors.add(new FieldError("entryIds[" + i + "]", "repeats an earlier entry"));
        } else if (!known.contains(id)) {
          errors.add(new FieldError("entryIds[" + i + "]", "no such entry"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid.",
          errors);
    }
  }

  private void record(String actor, AuditAction action, FeedRow row, String summary) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("title", row.getTitle());
    details.put("entries", row.getEntryIds().size());
    audit.record(actor, action, AuditTarget.FEED_ROW, row.getName(), summary, details);
  }

  /** Names are the sort key and unique; the cursor's id only needs to be stable per name. */
  private static UUID cursorId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
