package dev.marquee.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.catalog.CastMember;
import dev.marquee.catalog.EntryKind;
import dev.marquee.catalog.MaturityRating;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.tagging.TagKind;
import dev.marquee.tagging.TagRef;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvEntryReaderTest {
  private static List<ImportRow> read(String csv) {
    return CsvEntryReader.read(new StringReader(csv));
  }

  @Test
  void readsEveryColumnIncludingQuotedCellsAndLists() {
    List<ImportRow> rows =
        read(
            "\uFEFFexternalId,kind,parentExternalId,title,synopsis,genres,maturityScheme,maturityValue,"
                + "maturityMinimumAge,releaseYear,localizedTitles,cast,tags\r\n"
                + "tt0266697,movie,,\"Kill Bill: Vol. 1\",\"She said \"\"hi\"\", then left\",Action|Thriller,"
                + "MPAA,R,17,2003,de=Kill Bill – Volume 1|fr=Kill Bill : Volume 1,"
                + "Uma Thurman;The Bride;hero|Lucy Liu;O-Ren Ishii,THEME:revenge|CAST:Uma Thurman\r\n"
                + "\r\n"
                + "s1,SERIES,,Show,,,,,,,,,\r\n");

    assertThat(rows).hasSize(2);
    ImportRow kb = rows.get(0);
    assertThat(kb.rowNumber()).isEqualTo(1);
    assertThat(kb.parseErrors()).isEmpty();
    assertThat(kb.draft().kind()).isEqualTo(EntryKind.MOVIE);
    assertThat(kb.draft().title()).isEqualTo("Kill Bill: Vol. 1");
    assertThat(kb.draft().synopsis()).isEqualTo("She said \"hi\", then left");
    assertThat(kb.draft().genres()).containsExactly("Action", "Thriller");
    assertThat(kb.draft().maturity()).isEqualTo(new MaturityRating("MPAA", "R", 17));
    assertThat(kb.draft().releaseYear()).isEqualTo(2003);
    assertThat(kb.draft().localizedTitles())
        .containsEntry("de", "Kill Bill – Volume 1")
        .containsEntry("fr", "Kill Bill : Volume 1");
    assertThat(kb.draft().cast())
        .containsExactly(
            new CastMember("Uma Thurman", "The Bride", "hero"),
            new CastMember("Lucy Liu", "O-Ren Ishii", null));
    assertThat(kb.tags())
        .containsExactly(
            new TagRef(TagKind.THEME, "revenge"), new TagRef(TagKind.CAST, "Uma Thurman"));
    ImportRow show = rows.get(1);
    assertThat(show.rowNumber()).isEqualTo(2);
    assertThat(show.draft().parentExternalId()).isNull();
    assertThat(show.draft().maturity()).isNull();
    assertThat(show.tags()).isEmpty();
  }

  @Test
  void leavesTagsAloneWhenTheColumnIsAbsent() {
    assertThat(read("externalId,kind,title\nm1,MOVIE,A\n").get(0).tags()).isNull();
  }

  @Test
  void reportsBadValuesPerRow() {
    List<ImportRow> rows =
        read(
            "externalId,kind,title,releaseYear,maturityMinimumAge,tags,localizedTitles,cast\n"
                + "m1,FILM,A,20o3,x,MOOD:happy|THEME:,de,a;b;c;d\n");
    assertThat(rows.get(0).parseErrors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "kind",
            "releaseYear",
            "maturityMinimumAge",
            "tags[0]",
            "tags[1]",
            "localizedTitles[0]",
            "cast[0]");
  }

  @Test
  void rejectsASemicolonOrTabSeparatedFileNamingTheDelimiter() {
    assertThatThrownBy(() -> read("externalId;kind;title\nm1;MOVIE;A\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("semicolons");
    assertThatThrownBy(() -> read("externalId\tkind\ttitle\nm1\tMOVIE\tA\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("tabs");
  }

  @Test
  void rejectsMissingRequiredAndUnknownColumns() {
    assertThatThrownBy(() -> read("externalId,kind,name,colour\nm1,MOVIE,A,red\n"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::message)
                    .anySatisfy(m -> assertThat(m).contains("unknown column 'name'"))
                    .anySatisfy(m -> assertThat(m).contains("unknown column 'colour'"))
                    .anySatisfy(m -> assertThat(m).contains("'title' is missing")));
    assertThatThrownBy(() -> read("")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void rejectsMoreThanTenThousandRows() {
    StringBuilder csv = new StringBuilder("externalId,kind,title\n");
    for (int i = 0; i <= ImportLimits.MAX_ROWS; i++) {
      csv.append("m").append(i).append(",MOVIE,T\n");
    }
    assertThatThrownBy(() -> read(csv.toString()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("10000");
  }

  @Test
  void rejectsBrokenQuoting() {
    assertThatThrownBy(() -> read("externalId,kind,title\nm1,MOVIE,\"unterminated\n"))
        .isInstanceOf(InvalidInputException.class);
  }
}
