package dev.marquee.catalog.importing;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.CatalogRepository;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryDraftValidator;
import dev.marquee.catalog.EntryRef;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.tagging.EngagementTag;
import dev.marquee.tagging.EntryTag;
import dev.marquee.tagging.TagRef;
import dev.marquee.tagging.TagRepository;
import dev.marquee.tagging.TaggingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Imports catalog entries from a file: upsert by external id, one transaction. Structural problems
 * reject the whole file; row problems skip the row and are reported. Re-importing a file changes
 * nothing. Tags of a row replace the entry's IMPORTED tags; MANUAL tags are left alone.
 *
 * <p>Built for 10,000-row files: existing entries are loaded in chunks by external id, the
 * persistence context is flushed and cleared per chunk, and inserts are batched when the
 * persistence unit sets {@code hibernate.jdbc.batch_size} and {@code hibernate.order_inserts}.
 */
@ApplicationScoped
@Transactional
public class CatalogImportService {
  private static final int CHUNK = 500;

  private CatalogRepository entries;
  private TagRepository tags;
  private TaggingService tagging;
  private AuditLog audit;

  protected CatalogImportService() {}

  @Inject
  public CatalogImportService(
      CatalogRepository entries, TagRepository tags, TaggingService tagging, AuditLog audit) {
    this.entries = entries;
    this.tags = tags;
    this.tagging = tagging;
    this.audit = audit;
  }

  /**
   * Imports a JSON or CSV file.
   *
   * @throws InvalidInputException for structural problems (nothing is written): malformed file,
   *     wrong CSV delimiter, missing/unknown columns, duplicate external ids, too many rows
   */
  public ImportResult importFile(ImportFormat format, InputStream content, String actor) {
    List<ImportRow> rows =
        format == ImportFormat.CSV
            ? CsvEntryReader.read(content)
            : JsonEntryReader.readFile(content);
    return importRows(rows, actor);
  }

  /** Imports already parsed rows; see {@link #importFile}. */
  public ImportResult importRows(List<ImportRow> rows, String actor) {
    rejectDuplicates(rows);
    Run run = new Run(actor, AuditLog.now());
    List<Candidate> candidates = new ArrayList<>();
    for (ImportRow row : rows) {
      List<FieldError> problems = problems(row);
      if (problems.isEmpty()) {
        candidates.add(new Candidate(row, row.draft().normalized()));
      } else {
        run.fail(row, problems);
      }
    }
    // parents before children: a parent may appear later in the file than its children
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> c.draft.kind().rank())
            .thenComparingInt(c -> c.row.rowNumber()));
    Set<String> wanted = new HashSet<>();
    Set<TagRef> tagRefs = new HashSet<>();
    for (Candidate c : candidates) {
      wanted.add(c.draft.externalId());
      if (c.draft.parentExternalId() != null) {
        wanted.add(c.draft.parentExternalId());
      }
      if (c.row.tags() != null) {
        tagRefs.addAll(c.row.tags());
      }
    }
    entries.findRefs(wanted).forEach((x, ref) -> run.known.put(x, ref));
    tags.findAll(tagRefs).forEach((key, term) -> run.termIds.put(key, term.getId()));
    for (int i = 0; i < candidates.size(); i += CHUNK) {
      apply(candidates.subList(i, Math.min(candidates.size(), i + CHUNK)), run);
      entries.flushAndClear();
    }
    ImportResult result = run.result(rows.size());
    recordAudit(result, actor);
    return result;
  }

  private void apply(List<Candidate> chunk, Run run) {
    Map<String, CatalogEntry> existing = new HashMap<>();
    entries
        .findByExternalIds(chunk.stream().map(c -> c.draft.externalId()).toList())
        .forEach(e -> existing.put(e.getExternalId(), e));
    Map<UUID, List<EntryTag>> links = new HashMap<>();
    tags.linksOf(existing.values().stream().map(CatalogEntry::getId).toList())
        .forEach(l -> links.computeIfAbsent(l.getEntry().getId(), k -> new ArrayList<>()).add(l));
    Function<TagRef, EngagementTag> termFor = ref -> term(ref, run);
    for (Candidate c : chunk) {
      EntryDraft draft = c.draft;
      CatalogEntry parent;
      try {
        parent = parent(draft, run);
      } catch (InvalidInputException e) {
        run.fail(c.row, e.errors());
        continue;
      }
      CatalogEntry entry = existing.get(draft.externalId());
      if (entry == null) {
        entry = new CatalogEntry(draft, parent, run.actor, run.now);
        entries.add(entry);
        run.known.put(
            draft.externalId(), new EntryRef(entry.getId(), draft.externalId(), draft.kind()));
        if (c.row.tags() != null) {
          tagging.syncImported(entry, List.of(), c.row.tags(), termFor, run.actor, run.now);
        }
        run.created++;
        continue;
      }
      if (draft.kind() != entry.getKind() && entries.hasChildren(entry.getId())) {
        run.fail(
            c.row,
            List.of(
                new FieldError("kind", "cannot change the kind of an entry that has children")));
        continue;
      }
      boolean changed = entry.apply(draft, parent, run.actor, run.now);
      run.known.put(
          draft.externalId(), new EntryRef(entry.getId(), draft.externalId(), draft.kind()));
      if (c.row.tags() != null) {
        List<EntryTag> current = links.getOrDefault(entry.getId(), List.of());
        if (tagging.syncImported(entry, current, c.row.tags(), termFor, run.actor, run.now)) {
          // The tags are part of the entry's representation: a tag-only change is an update.
          entry.touch(run.actor, run.now);
          changed = true;
        }
      }
      if (changed) {
        run.updated++;
      } else {
        run.unchanged++;
      }
    }
  }

  private CatalogEntry parent(EntryDraft draft, Run run) {
    String parentId = draft.parentExternalId();
    if (parentId == null) {
      return null;
    }
    EntryRef ref = run.known.get(parentId);
    if (ref == null) {
      String why =
          run.failedIds.contains(parentId)
              ? "the row of parent '" + parentId + "' failed"
              : "no catalog entry or row has external id '" + parentId + "'";
      throw new InvalidInputException(new FieldError("parentExternalId", why));
    }
    if (!draft.kind().acceptsParent(ref.kind())) {
      throw new InvalidInputException(
          new FieldError(
              "parentExternalId",
              "a " + draft.kind() + " cannot belong to " + ref.kind() + " '" + parentId + "'"));
    }
    return entries.reference(ref.id());
  }

  private EngagementTag term(TagRef ref, Run run) {
    String key = TagRepository.key(ref.kind(), ref.normalizedValue());
    UUID id = run.termIds.get(key);
    if (id != null) {
      return tags.reference(id);
    }
    EngagementTag created = tagging.createTerm(ref, run.actor, run.now);
    run.termIds.put(key, created.getId());
    return created;
  }

  private static List<FieldError> problems(ImportRow row) {
    List<FieldError> problems = new ArrayList<>(row.parseErrors());
    Set<String> unreadable = new HashSet<>();
    row.parseErrors().forEach(e -> unreadable.add(e.field()));
    for (FieldError e : EntryDraftValidator.validate(row.draft())) {
      // a field that could not be read is null in the draft; "is required" would only repeat that
      if (!unreadable.contains(e.field())) {
        problems.add(e);
      }
    }
    return problems;
  }

  private static void rejectDuplicates(List<ImportRow> rows) {
    Map<String, Integer> firstRow = new HashMap<>();
    List<FieldError> duplicates = new ArrayList<>();
    for (ImportRow row : rows) {
      String id = row.externalId();
      if (id == null || id.isEmpty()) {
        continue;
      }
      Integer earlier = firstRow.putIfAbsent(id, row.rowNumber());
      if (earlier != null) {
        duplicates.add(
            new FieldError(
                "externalId",
                "'" + id + "' appears in rows " + earlier + " and " + row.rowNumber()));
      }
    }
    if (!duplicates.isEmpty()) {
      throw new InvalidInputException(
          "The file contains duplicate external ids; nothing was imported", duplicates);
    }
  }

  private void recordAudit(ImportResult result, String actor) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("total", result.total());
    details.put("created", result.created());
    details.put("updated", result.updated());
    details.put("unchanged", result.unchanged());
    details.put("failed", result.failed());
    audit.record(
        actor,
        AuditAction.ENTRIES_IMPORTED,
        AuditTarget.CATALOG,
        "import",
        "Imported "
            + result.total()
            + " rows: "
            + result.created()
            + " created, "
            + result.updated()
            + " updated, "
            + result.unchanged()
            + " unchanged, "
            + result.failed()
            + " failed",
        details);
  }

  private record Candidate(ImportRow row, EntryDraft draft) {}

  /** The state of one import while it runs. */
  private static final class Run {
    final String actor;
    final Instant now;
    final Map<String, EntryRef> known = new HashMap<>();
    final Map<String, UUID> termIds = new HashMap<>();
    final Set<String> failedIds = new HashSet<>();
    final List<ImportRowError> errors = new ArrayList<>();
    final Set<Integer> failedRows = new HashSet<>();
    int created;
    int updated;
    int unchanged;

    Run(String actor, Instant now) {
      this.actor = actor;
      this.now = now;
    }

    void fail(ImportRow row, List<FieldError> problems) {
      failedRows.add(row.rowNumber());
      if (row.externalId() != null) {
        failedIds.add(row.externalId());
      }
      for (FieldError p : problems) {
        errors.add(new ImportRowError(row.rowNumber(), row.externalId(), p.field(), p.message()));
      }
    }

    ImportResult result(int total) {
      errors.sort(Comparator.comparingInt(ImportRowError::row));
      return new ImportResult(total, created, updated, unchanged, failedRows.size(), errors);
    }
  }
}
