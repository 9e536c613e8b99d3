package dev.marquee.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A title from the host CMS (movie, series, season or episode), keyed by the CMS's external id.
 * Changes go through {@link #apply}, which keeps the entry consistent and reports whether anything
 * changed so that no-op updates do not bump the version.
 */
@Entity
@Table(name = "catalog_entry")
public class CatalogEntry {
  @Id private UUID id;

  @Column(name = "external_id", nullable = false, length = 200, unique = true)
  private String externalId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private EntryKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  private CatalogEntry parent;

  @Column(nullable = false, length = 500)
  private String title;

  // lower-case copy of the title: the default sort is case-insensitive on every database
  @Column(name = "sort_title", nullable = false, length = 500)
  private String sortTitle;

  @ElementCollection
  @CollectionTable(
      name = "catalog_entry_localized_title",
      joinColumns = @JoinColumn(name = "entry_id"))
  @MapKeyColumn(name = "language_tag", length = 35)
  @Column(name = "title", nullable = false, length = 500)
  private Map<String, String> localizedTitles = new LinkedHashMap<>();

  @Column(length = 4000)
  private String synopsis;

  @ElementCollection
  @CollectionTable(name = "catalog_entry_genre", joinColumns = @JoinColumn(name = "entry_id"))
  @OrderColumn(name = "position")
  @Column(name = "genre", nullable = false, length = 50)
  private List<String> genres = new ArrayList<>();

  @Embedded private MaturityRating maturity;

  @Column(name = "release_year")
  private Integer releaseYear;

  @ElementCollection
  @CollectionTable(name = "catalog_entry_cast", joinColumns = @JoinColumn(name = "entry_id"))
  @OrderColumn(name = "position")
  private List<CastMember> cast = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private EntryStatus status;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  protected CatalogEntry() {}

  /**
   * A new active entry from a valid, normalised draft.
   *
   * @param parent the resolved parent entry, already checked with {@link EntryKind#acceptsParent}
   */
  public CatalogEntry(EntryDraft draft, CatalogEntry parent, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.externalId = draft.externalId();
    this.status = EntryStatus.ACTIVE;
    this.createdAt = now;
    this.createdBy = actor;
    this.updatedAt = now;
    this.updatedBy = actor;
    copyFrom(draft, parent);
  }

  /**
   * Makes this entry look like {@code draft} (a valid, normalised draft with the same external id).
   *
   * @return whether anything changed; when nothing did, the entry is left untouched
   */
  public boolean apply(EntryDraft draft, CatalogEntry newParent, String actor, Instant now) {
    if (matches(draft, newParent)) {
      return false;
    }
    copyFrom(draft, newParent);
    touch(actor, now);
    return true;
  }

  /** Whether this entry already looks like {@code draft} under {@code newParent}. */
  public boolean matches(EntryDraft draft, CatalogEntry newParent) {
    return kind == draft.kind()
        && Objects.equals(parentId(), newParent == null ? null : newParent.getId())
        && title.equals(draft.title())
        && localizedTitles.equals(draft.localizedTitles())
        && Objects.equals(synopsis, draft.synopsis())
        && genres.equals(draft.genres())
        && Objects.equals(maturity, draft.maturity())
        && Objects.equals(releaseYear, draft.releaseYear())
        && cast.equals(draft.cast());
  }

  private void copyFrom(EntryDraft draft, CatalogEntry newParent) {
    this.kind = draft.kind();
    this.parent = newParent;
    this.title = draft.title();
    this.sortTitle = draft.title().toLowerCase(Locale.ROOT);
    // mutate the managed collections only when they differ: replacing them rewrites every row
    if (!localizedTitles.equals(draft.localizedTitles())) {
      localizedTitles.clear();
      localizedTitles.putAll(draft.localizedTitles());
    }
    this.synopsis = draft.synopsis();
    if (!genres.equals(draft.genres())) {
      genres.clear();
      genres.addAll(draft.genres());
    }
    this.maturity = draft.maturity();
    this.releaseYear = draft.releaseYear();
    if (!cast.equals(draft.cast())) {
      cast.clear();
      cast.addAll(draft.cast());
    }
  }

  /** Hides the entry from default lists. @return whether the status changed */
  /**
   * Records that something shown as part of this entry changed (its tags), so that its version and
   * therefore its ETag change too and cached representations are not served stale.
   */
  public void touch(String actor, Instant now) {
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  public boolean archive(String actor, Instant now) {
    return changeStatus(EntryStatus.ARCHIVED, actor, now);
  }

  /** Brings an archived entry back. @return whether the status changed */
  public boolean restore(String actor, Instant now) {
    return changeStatus(EntryStatus.ACTIVE, actor, now);
  }

  private boolean changeStatus(EntryStatus target, String actor, Instant now) {
    if (status == target) {
      return false;
    }
    status = target;
    touch(actor, now);
    return true;
  }

  /** The fields an audit trail compares, in a stable order and JSON-friendly form. */
  public Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("externalId", externalId);
    s.put("kind", kind == null ? null : kind.name());
    s.put("parentExternalId", parent == null ? null : parent.getExternalId());
    s.put("title", title);
    s.put("localizedTitles", new LinkedHashMap<>(localizedTitles));
    s.put("synopsis", synopsis);
    s.put("genres", List.copyOf(genres));
    s.put("maturity", maturity == null ? null : maturity.toString());
    s.put("releaseYear", releaseYear);
    s.put("cast", cast.stream().map(CastMember::toString).toList());
    s.put("status", status == null ? null : status.name());
    return s;
  }

  public UUID getId() {
    return id;
  }

  public String getExternalId() {
    return externalId;
  }

  public EntryKind getKind() {
    return kind;
  }

  /** The parent entry, or null; lazily loaded. */
  public CatalogEntry getParent() {
    return parent;
  }

  /** The parent's id without loading the parent. */
  public UUID parentId() {
    return parent == null ? null : parent.getId();
  }

  public String getTitle() {
    return title;
  }

  /** Language tag to title, unmodifiable. */
  public Map<String, String> getLocalizedTitles() {
    return java.util.Collections.unmodifiableMap(localizedTitles);
  }

  public String getSynopsis() {
    return synopsis;
  }

  /** Normalised lower-case genres, unmodifiable. */
  public List<String> getGenres() {
    return java.util.Collections.unmodifiableList(genres);
  }

  public MaturityRating getMaturity() {
    return maturity;
  }

  public Integer getReleaseYear() {
    return releaseYear;
  }

  /** Credited cast in billing order, unmodifiable. */
  public List<CastMember> getCast() {
    return java.util.Collections.unmodifiableList(cast);
  }

  public EntryStatus getStatus() {
    return status;
  }

  /** The optimistic-locking version, exposed as the ETag by the web layer. */
  public long getVersion() {
    return version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
