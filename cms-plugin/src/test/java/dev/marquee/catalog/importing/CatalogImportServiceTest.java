package dev.marquee.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditQuery;
import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.EntryFilter;
import dev.marquee.catalog.EntryKind;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.tagging.EntryTag;
import dev.marquee.tagging.TagKind;
import dev.marquee.tagging.TagRef;
import dev.marquee.tagging.TagSource;
import dev.marquee.testing.BothDatabases;
import dev.marquee.testing.TestDatabase;
import dev.marquee.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

class CatalogImportServiceTest {
  private static final String ADMIN = "importer";

  private static final String HEADER =
      "externalId,kind,parentExternalId,title,genres,maturityScheme,maturityValue,maturityMinimumAge,"
          + "releaseYear,cast,tags\n";

  // the episode comes before its season and series: the importer orders by dependency
  private static final String CATALOG =
      HEADER
          + "ep-1,EPISODE,season-1,Pilot,,,,,2019,,EMOTION:curiosity\n"
          + "season-1,SEASON,show-1,Season 1,,,,,,,\n"
          + "show-1,SERIES,,The Show,drama|mystery,TV,TV-14,14,2019,,THEME:secrets\n"
          + "tt0266697,MOVIE,,Kill Bill: Vol. 1,action,MPAA,R,17,2003,Uma Thurman;The Bride;hero,"
          + "CAST:Uma Thurman|THEME:revenge\n";

  private static ImportResult importCsv(TestServices s, String csv) {
    return s.tx(
        () ->
            s.importer.importFile(
                ImportFormat.CSV,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                ADMIN));
  }

  @BothDatabases
  void createsThenUpdatesThenChangesNothingOnReRun(TestDatabase db) {
    TestServices s = new TestServices(db);

    ImportResult first = importCsv(s, CATALOG);
    assertThat(first).isEqualTo(new ImportResult(4, 4, 0, 0, 0, List.of()));
    CatalogEntry episode = s.tx(() -> s.catalog.getByExternalId("ep-1"));
    assertThat(s.tx(() -> s.catalog.get(episode.getId()).getParent().getExternalId()))
        .isEqualTo("season-1");
    assertThat(
            s.tx(
                    () ->
                        s.catalog.list(
                            EntryFilter.all().withTag(TagRef.parse("cast:uma thurman", "tag")),
                            null,
                            null,
                            null))
                .items())
        .extracting(CatalogEntry::getExternalId)
        .containsExactly("tt0266697");

    ImportResult again = importCsv(s, CATALOG);
    assertThat(again).isEqualTo(new ImportResult(4, 0, 0, 4, 0, List.of()));
    assertThat(s.tx(() -> s.catalog.getByExternalId("tt0266697")).getVersion()).isZero();

    UUID kb = s.tx(() -> s.catalog.getByExternalId("tt0266697")).getId();
    s.tx(
        () ->
            s.tagging.tag(
                kb, new TagRef(TagKind.SETTING, "Tokyo"), 1.0, TagSource.MANUAL, "editor"));
    String changed =
        CATALOG
            .replace("Kill Bill: Vol. 1", "Kill Bill Volume 1")
            .replace("CAST:Uma Thurman|THEME:revenge", "CAST:Uma Thurman");
    ImportResult third = importCsv(s, changed);
    assertThat(third).isEqualTo(new ImportResult(4, 0, 1, 3, 0, List.of()));
    CatalogEntry updated = s.tx(() -> s.catalog.get(kb));
    assertThat(updated.getTitle()).isEqualTo("Kill Bill Volume 1");
    // 1 from the manual tagging above, 2 from this import's update.
    assertThat(updated.getVersion()).isEqualTo(2);
    assertThat(updated.getUpdatedBy()).isEqualTo(ADMIN);
    assertThat(s.tx(() -> s.tagging.tagsOf(kb)))
        .extracting(t -> t.getTag().ref().toString(), EntryTag::getSource)
        .containsExactly(
            tuple("CAST:Uma Thurman", TagSource.IMPORTED),
            tuple("SETTING:Tokyo", TagSource.MANUAL));

    List<AuditEvent> imports =
        s.tx(
                () ->
                    s.audit.query(
                        new AuditQuery(null, null, ADMIN, AuditAction.ENTRIES_IMPORTED, null, null),
                        null,
                        null))
            .items();
    assertThat(imports).hasSize(3);
    assertThat(imports.get(0).getSummary()).contains("1 updated", "3 unchanged");
  }

  @BothDatabases
  void reportsRowProblemsAndAppliesTheOtherRows(TestDatabase db) {
    TestServices s = new TestServices(db);
    String csv =
        HEADER
            + "ok-1,MOVIE,,Fine,,,,,,,\n"
            + "bad kind,FILM,,X,,,,,,,\n"
            + "orphan,EPISODE,nowhere,Lost,,,,,,,\n"
            + "old,MOVIE,,Too old,,,,,1700,,\n"
            + "wrong-parent,SEASON,ok-1,S,,,,,,,\n"
            + "no-cast-name,MOVIE,,C,,,,,,;Bride;hero,\n"
            + "child-of-bad,EPISODE,bad-season,E,,,,,,,\n"
            + "bad-season,SEASON,,,,,,,,,\n";

    ImportResult result = importCsv(s, csv);

    assertThat(result.total()).isEqualTo(8);
    assertThat(result.created()).isEqualTo(1);
    assertThat(result.failed()).isEqualTo(7);
    assertThat(result.errors())
        .extracting(ImportRowError::row, ImportRowError::externalId, ImportRowError::field)
        .containsExactly(
            tuple(2, "bad kind", "kind"),
            tuple(2, "bad kind", "externalId"),
            tuple(3, "orphan", "parentExternalId"),
            tuple(4, "old", "releaseYear"),
            tuple(5, "wrong-parent", "parentExternalId"),
            tuple(6, "no-cast-name", "cast[0].person"),
            tuple(7, "child-of-bad", "parentExternalId"),
            tuple(8, "bad-season", "title"));
    assertThat(result.errors().get(6).message()).contains("row of parent 'bad-season' failed");
    assertThat(s.tx(() -> s.catalog.list(EntryFilter.all(), null, null, null)).items())
        .extracting(CatalogEntry::getExternalId)
        .containsExactly("ok-1");
  }

  @BothDatabases
  void importsJsonWithTheSameRulesAsCsv(TestDatabase db) {
    TestServices s = new TestServices(db);
    String json =
        """
        {"entries":[
          {"externalId":"s1-e1","kind":"EPISODE","parentExternalId":"s1","title":"Pilot",
           "tags":["EMOTION:suspense"]},
          {"externalId":"s1","kind":"SERIES","title":"Show","genres":["Drama"],
           "maturityRating":{"scheme":"TV","value":"TV-MA","minimumAge":17},
           "cast":[{"person":"Uma Thurman","character":"Beatrix","role":"hero"}]},
          {"externalId":"bad","kind":"MOVIE","title":"Bad","releaseYear":1200}
        ]}""";
    ImportResult result =
        s.tx(
            () ->
                s.importer.importFile(
                    ImportFormat.JSON,
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    ADMIN));

    assertThat(result.created()).isEqualTo(2);
    assertThat(result.errors())
        .extracting(ImportRowError::row, ImportRowError::externalId, ImportRowError::field)
        .containsExactly(tuple(3, "bad", "releaseYear"));
    CatalogEntry series = s.tx(() -> s.catalog.getByExternalId("s1"));
    assertThat(series.getGenres()).containsExactly("drama");
    assertThat(series.getMaturity().minimumAge()).isEqualTo(17);
    assertThat(s.tx(() -> s.tagging.tagsOf(s.catalog.getByExternalId("s1-e1").getId())))
        .extracting(t -> t.getTag().ref().toString())
        .containsExactly("EMOTION:suspense");
  }

  @BothDatabases
  void rejectsDuplicateExternalIdsWritingNothing(TestDatabase db) {
    TestServices s = new TestServices(db);
    String csv = HEADER + "a,MOVIE,,A,,,,,,,\nb,MOVIE,,B,,,,,,,\na,MOVIE,,A again,,,,,,,\n";
    assertThatThrownBy(() -> importCsv(s, csv))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.errors().get(0).message()).contains("'a'", "rows 1 and 3"));
    assertThat(s.tx(() -> s.catalog.list(EntryFilter.all(), null, null, null)).items()).isEmpty();
    assertThat(s.tx(() -> s.audit.query(AuditQuery.all(), null, null)).items()).isEmpty();
  }

  @BothDatabases
  void importsTenThousandRowsInSeconds(TestDatabase db) {
    TestServices s = new TestServices(db);
    StringBuilder csv = new StringBuilder(HEADER);
    int series = 100;
    for (int i = 0; i < series; i++) {
      csv.append("series-")
          .append(i)
          .append(",SERIES,,Series ")
          .append(i)
          .append(",drama,TV,TV-14,14,2020,,THEME:family\n");
    }
    for (int i = series; i < ImportLimits.MAX_ROWS; i++) {
      csv.append("ep-")
          .append(i)
          .append(",EPISODE,series-")
          .append(i % series)
          .append(",Episode ")
          .append(i)
          .append(",drama|comedy,,,,2021,Actor ")
          .append(i % 500)
          .append(";Role;hero,CAST:Actor ")
          .append(i % 500)
          .append("|EMOTION:joy\n");
    }
    long start = System.nanoTime();
    ImportResult result = importCsv(s, csv.toString());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "[%s] imported %d rows in %.2f s (%.0f rows/s)%n",
        db, result.total(), seconds, result.total() / seconds);
    assertThat(result).isEqualTo(new ImportResult(10_000, 10_000, 0, 0, 0, List.of()));

    start = System.nanoTime();
    ImportResult rerun = importCsv(s, csv.toString());
    seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "[%s] re-imported %d unchanged rows in %.2f s (%.0f rows/s)%n",
        db, rerun.total(), seconds, rerun.total() / seconds);
    assertThat(rerun.unchanged()).isEqualTo(10_000);
    assertThat(s.tx(() -> s.vocabulary.list(TagKind.EMOTION, null, null, null)).items())
        .singleElement()
        .satisfies(u -> assertThat(u.usageCount()).isEqualTo(9_900));
    assertThat(
            s.tx(
                    () ->
                        s.catalog.list(
                            EntryFilter.all().withKind(EntryKind.SERIES), null, null, 200))
                .items())
        .hasSize(series);
  }
}
