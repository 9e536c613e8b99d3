package dev.marquee.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditQuery;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.Page;
import dev.marquee.tagging.TagKind;
import dev.marquee.tagging.TagRef;
import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import dev.marquee.testing.TestServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

class CatalogServiceTest {
  private static final String ED = "editor@example.org";

  static EntryDraft killBill() {
    return new EntryDraft(
        "tt0266697",
        EntryKind.MOVIE,
        null,
        "Kill Bill: Vol. 1",
        Map.of("de", "Kill Bill – Volume 1", "ja", "キル・ビル"),
        "The Bride wakes from a coma.",
        List.of("Action", " Thriller "),
        new MaturityRating("mpaa", "R", 17),
        2003,
        List.of(
            new CastMember("Uma Thurman", "The Bride", "Hero"),
            new CastMember("Lucy Liu", "O-Ren Ishii", "villain")));
  }

  private static EntryDraft movie(String externalId, String title) {
    return EntryDraft.of(externalId, EntryKind.MOVIE, title);
  }

  @BothDatabases
  void createsReadsAndNormalisesAnEntry(TestDatabase db) {
    TestServices s = new TestServices(db);
    CatalogEntry created = s.tx(() -> s.catalog.create(killBill(), ED));

    CatalogEntry read = s.tx(() -> s.catalog.get(created.getId()));
    assertThat(read.getExternalId()).isEqualTo("tt0266697");
    assertThat(read.getTitle()).isEqualTo("Kill Bill: Vol. 1");
    assertThat(read.getGenres()).containsExactly("action", "thriller");
    assertThat(read.getLocalizedTitles()).containsEntry("de", "Kill Bill – Volume 1").hasSize(2);
    assertThat(read.getMaturity()).isEqualTo(new MaturityRating("MPAA", "R", 17));
    assertThat(read.getCast())
        .containsExactly(
            new CastMember("Uma Thurman", "The Bride", "hero"),
            new CastMember("Lucy Liu", "O-Ren Ishii", "villain"));
    assertThat(read.getStatus()).isEqualTo(EntryStatus.ACTIVE);
    assertThat(read.getCreatedBy()).isEqualTo(ED);
    assertThat(read.getVersion()).isZero();
    assertThat(s.tx(() -> s.catalog.getByExternalId("tt0266697").getId()))
        .isEqualTo(created.getId());
  }

  @BothDatabases
  void rejectsADuplicateExternalIdAndInvalidDrafts(TestDatabase db) {
    TestServices s = new TestServices(db);
    s.tx(() -> s.catalog.create(killBill(), ED));

    assertThatThrownBy(() -> s.tx(() -> s.catalog.create(killBill().withTitle("Other"), ED)))
        .isInstanceOf(ResourceConflictException.class)
        .hasMessageContaining("tt0266697");
    assertThatThrownBy(() -> s.tx(() -> s.catalog.create(movie("bad id", ""), ED)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("externalId", "title"));
  }

  @BothDatabases
  void updatesWithOptimisticLockingAndKeepsTheVersionOnNoOps(TestDatabase db) {
    TestServices s = new TestServices(db);
    UUID id = s.tx(() -> s.catalog.create(killBill(), ED)).getId();

    CatalogEntry same = s.tx(() -> s.catalog.update(id, 0, killBill(), "other"));
    assertThat(same.getVersion()).isZero();
    assertThat(same.getUpdatedBy()).isEqualTo(ED);

    CatalogEntry changed =
        s.tx(() -> s.catalog.update(id, 0, killBill().withTitle("Kill Bill Volume 1"), "other"));
    assertThat(s.tx(() -> s.catalog.get(id)))
        .satisfies(
            e -> {
              assertThat(e.getVersion()).isEqualTo(1);
              assertThat(e.getTitle()).isEqualTo("Kill Bill Volume 1");
              assertThat(e.getUpdatedBy()).isEqualTo("other");
            });
    assertThat(changed.getTitle()).isEqualTo("Kill Bill Volume 1");

    assertThatThrownBy(() -> s.tx(() -> s.catalog.update(id, 0, killBill(), ED)))
        .isInstanceOfSatisfying(
            StaleVersionException.class, e -> assertThat(e.currentVersion()).isEqualTo(1));

    List<AuditEvent> history =
        s.tx(
                () ->
                    s.audit.query(
                        AuditQuery.forTarget(AuditTarget.ENTRY, id.toString()), null, null))
            .items();
    assertThat(history)
        .extracting(AuditEvent::getAction)
        .containsExactly(AuditAction.ENTRY_UPDATED, AuditAction.ENTRY_CREATED);
    assertThat(history.get(0).getDetails())
        .contains("\"title\":{\"before\":\"Kill Bill: Vol. 1\",\"after\":\"Kill Bill Volume 1\"}")
        .doesNotContain("synopsis");
    assertThat(history.get(0).getActor()).isEqualTo("other");
  }

  @BothDatabases
  void enforcesTheHierarchyAndRefusesToDeleteParents(TestDatabase db) {
    TestServices s = new TestServices(db);
    UUID series =
        s.tx(() -> s.catalog.create(EntryDraft.of("s1", EntryKind.SERIES, "Show"), ED)).getId();
    CatalogEntry season =
        s.tx(
            () ->
                s.catalog.create(
                    EntryDraft.of("s1-1", EntryKind.SEASON, "S1").withParent("s1"), ED));
    s.tx(
        () ->
            s.catalog.create(
                EntryDraft.of("s1-1-1", EntryKind.EPISODE, "E1").withParent("s1-1"), ED));
    assertThat(s.tx(() -> s.catalog.get(season.getId()).getParent().getExternalId()))
        .isEqualTo("s1");

    assertThatThrownBy(
            () ->
                s.tx(
                    () ->
                        s.catalog.create(
                            EntryDraft.of("x", EntryKind.SEASON, "X").withParent("s1-1"), ED)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("SERIES");
    assertThatThrownBy(
            () ->
                s.tx(
                    () ->
                        s.catalog.create(
                            EntryDraft.of("y", EntryKind.EPISODE, "Y").withParent("nope"), ED)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("parentExternalId"));
    assertThatThrownBy(
            () ->
                s.tx(
                    () -> {
                      s.catalog.delete(series, ED);
                      return null;
                    }))
        .isInstanceOf(ResourceConflictException.class);
    assertThatThrownBy(
            () ->
                s.tx(
                    () ->
                        s.catalog.update(
                            series, 0, EntryDraft.of("s1", EntryKind.MOVIE, "Show"), ED)))
        .isInstanceOf(InvalidInputException.class);
  }

  @BothDatabases
  void archivesRestoresAndDeletes(TestDatabase db) {
    TestServices s = new TestServices(db);
    UUID id = s.tx(() -> s.catalog.create(killBill(), ED)).getId();

    assertThatThrownBy(() -> s.tx(() -> s.catalog.archive(id, 7L, ED)))
        .isInstanceOf(StaleVersionException.class);
    s.tx(() -> s.catalog.archive(id, 0L, ED));
    assertThat(s.tx(() -> s.catalog.get(id)).getVersion()).isEqualTo(1);
    assertThat(s.tx(() -> s.catalog.list(EntryFilter.all(), null, null, null)).items()).isEmpty();
    assertThat(
            s.tx(
                    () ->
                        s.catalog.list(
                            EntryFilter.all().withStatus(EntryStatus.ARCHIVED), null, null, null))
                .items())
        .extracting(CatalogEntry::getId)
        .containsExactly(id);
    s.tx(() -> s.catalog.restore(id, ED));
    assertThat(s.tx(() -> s.catalog.get(id)).getStatus()).isEqualTo(EntryStatus.ACTIVE);

    s.tx(
        () -> {
          s.catalog.delete(id, ED);
          return null;
        });
    assertThatThrownBy(() -> s.tx(() -> s.catalog.get(id)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(
            s.tx(
                    () ->
                        s.audit.query(
                            AuditQuery.forTarget(AuditTarget.ENTRY, id.toString()), null, null))
                .items())
        .extracting(AuditEvent::getAction)
        .containsExactly(
            AuditAction.ENTRY_DELETED,
            AuditAction.ENTRY_RESTORED,
            AuditAction.ENTRY_ARCHIVED,
            AuditAction.ENTRY_CREATED);
  }

  @BothDatabases
  void filtersTheList(TestDatabase db) {
    TestServices s = new TestServices(db);
    UUID kb = s.tx(() -> s.catalog.create(killBill(), ED)).getId();
    UUID pf =
        s.tx(
                () ->
                    s.catalog.create(
                        new EntryDraft(
                            "tt0110912",
                            EntryKind.MOVIE,
                            null,
                            "Pulp Fiction",
                            Map.of("fr", "Fiction pulpeuse"),
                            null,
                            List.of("crime"),
                            new MaturityRating("BBFC", "18", 18),
                            1994,
                            List.of(new CastMember("Uma Thurman", "Mia Wallace", null))),
                        ED))
            .getId();
    UUID show =
        s.tx(
                () ->
                    s.catalog.create(
                        new EntryDraft(
                            "show-1",
                            EntryKind.SERIES,
                            null,
                            "Bluey",
                            null,
                            null,
                            List.of("Family"),
                            new MaturityRating("TV", "TV-Y", 0),
                            2018,
                            null),
                        ED))
            .getId();
    s.tx(() -> s.tagging.tag(pf, new TagRef(TagKind.CAST, "Uma Thurman"), 0.9, null, ED));
    s.tx(() -> s.tagging.tag(kb, new TagRef(TagKind.CAST, "uma thurman"), null, null, ED));
    s.tx(() -> s.tagging.tag(show, new TagRef(TagKind.THEME, "family"), null, null, ED));
    // Tagging updates an entry too (its representation changed), so take the mark after it.
    Instant afterCreation = s.tx(() -> s.catalog.get(show).getUpdatedAt());

    assertThat(ids(s, EntryFilter.all())).containsExactly(show, kb, pf);
    assertThat(ids(s, EntryFilter.all().withText("BILL"))).containsExactly(kb);
    assertThat(ids(s, EntryFilter.all().withText("pulpeuse"))).containsExactly(pf);
    assertThat(ids(s, EntryFilter.all().withText("キル"))).containsExactly(kb);
    assertThat(ids(s, EntryFilter.all().withText("%"))).isEmpty();
    assertThat(ids(s, EntryFilter.all().withKind(EntryKind.SERIES))).containsExactly(show);
    assertThat(ids(s, EntryFilter.all().withGenre("CRIME"))).containsExactly(pf);
    assertThat(ids(s, EntryFilter.all().withTag(TagRef.parse("CAST:UMA THURMAN", "tag"))))
        .containsExactly(kb, pf);
    assertThat(ids(s, EntryFilter.all().withTag(TagRef.parse("theme:family", "tag"))))
        .containsExactly(show);
    assertThat(ids(s, EntryFilter.all().withMaturity("mpaa", "r"))).containsExactly(kb);
    assertThat(ids(s, EntryFilter.all().withMaxMinimumAge(17))).containsExactly(show, kb);
    assertThat(ids(s, EntryFilter.all().withMaturity("TV", null).withMaxMinimumAge(12)))
        .containsExactly(show);

    s.tx(
        () ->
            // Version 1: tagging changed the entry's representation once already.
            s.catalog.update(
                pf, 1, EntryDraft.of("tt0110912", EntryKind.MOVIE, "Pulp Fiction!"), ED));
    assertThat(ids(s, EntryFilter.all().withUpdatedSince(afterCreation.plusNanos(1000))))
        .containsExactly(pf);
    List<UUID> byUpdate = new ArrayList<>();
    s.tx(() -> s.catalog.list(EntryFilter.all(), EntrySort.UPDATED_AT, null, null))
        .items()
        .forEach(e -> byUpdate.add(e.getId()));
    assertThat(byUpdate.get(0)).isEqualTo(pf);
  }

  @BothDatabases
  void paginatesWithoutGapsOrDuplicatesInBothSorts(TestDatabase db) {
    TestServices s = new TestServices(db);
    s.tx(
        () -> {
          for (int i = 0; i < 23; i++) {
            // repeated titles exercise the id tie-breaker
            s.catalog.create(movie("m" + i, "Title " + (char) ('a' + i % 7)), ED);
          }
          return null;
        });
    for (EntrySort sort : EntrySort.values()) {
      List<UUID> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        String c = cursor;
        Page<CatalogEntry> page = s.tx(() -> s.catalog.list(EntryFilter.all(), sort, c, 5));
        page.items().forEach(e -> seen.add(e.getId()));
        cursor = page.nextCursor();
        pages++;
      } while (cursor != null);
      assertThat(pages).isEqualTo(5);
      assertThat(seen).hasSize(23).doesNotHaveDuplicates();
      List<UUID> all =
          s.tx(() -> s.catalog.list(EntryFilter.all(), sort, null, 200)).items().stream()
              .map(CatalogEntry::getId)
              .toList();
      assertThat(seen).containsExactlyElementsOf(all);
    }
    List<String> titles =
        s.tx(() -> s.catalog.list(EntryFilter.all(), null, null, 200)).items().stream()
            .map(CatalogEntry::getTitle)
            .toList();
    assertThat(titles).isSorted();

    String cursor = s.tx(() -> s.catalog.list(EntryFilter.all(), null, null, 5)).nextCursor();
    assertThatThrownBy(
            () -> s.tx(() -> s.catalog.list(EntryFilter.all().withGenre("drama"), null, cursor, 5)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
    assertThatThrownBy(
            () -> s.tx(() -> s.catalog.list(EntryFilter.all(), EntrySort.UPDATED_AT, cursor, 5)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> s.tx(() -> s.catalog.list(EntryFilter.all(), null, null, 201)))
        .isInstanceOf(InvalidInputException.class);
  }

  @BothDatabases
  void listsAPageWithAConstantNumberOfQueries(TestDatabase db) {
    TestServices s = new TestServices(db);
    s.tx(() -> s.catalog.create(EntryDraft.of("show", EntryKind.SERIES, "Show"), ED));
    s.tx(
        () -> {
          for (int i = 0; i < 60; i++) {
            s.catalog.create(
                new EntryDraft(
                    "ep" + i,
                    EntryKind.EPISODE,
                    "show",
                    "Episode " + i,
                    Map.of("de", "Folge " + i),
                    null,
                    List.of("drama", "comedy"),
                    null,
                    null,
                    List.of(new CastMember("A", "B", "hero"), new CastMember("C", null, null))),
                ED);
          }
          return null;
        });
    long before = s.jpa.preparedStatements();
    Page<CatalogEntry> page =
        s.tx(() -> s.catalog.list(EntryFilter.all().withKind(EntryKind.EPISODE), null, null, 50));
    long statements = s.jpa.preparedStatements() - before;

    // one page query plus one per collection, however many entries the page holds
    assertThat(statements).isLessThanOrEqualTo(4);
    assertThat(page.items()).hasSize(50);
    // usable after the transaction: nothing left to lazy-load
    assertThat(page.items())
        .allSatisfy(
            e -> {
              assertThat(e.getParent().getExternalId()).isEqualTo("show");
              assertThat(e.getGenres()).containsExactly("drama", "comedy");
              assertThat(e.getCast()).hasSize(2);
              assertThat(e.getLocalizedTitles()).hasSize(1);
            });
  }

  private static List<UUID> ids(TestServices s, EntryFilter filter) {
    Set<UUID> unique = new HashSet<>();
    List<UUID> ids =
        s.tx(() -> s.catalog.list(filter, null, null, null)).items().stream()
            .map(CatalogEntry::getId)
            .toList();
    unique.addAll(ids);
    assertThat(unique).hasSameSizeAs(ids);
    return ids;
  }
}
