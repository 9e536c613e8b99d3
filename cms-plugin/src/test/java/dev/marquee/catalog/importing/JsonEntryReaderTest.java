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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonEntryReaderTest {
  private static List<ImportRow> read(String json) {
    return JsonEntryReader.readFile(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsAnArrayOrAnEntriesObject() {
    String entry =
        """
        {"externalId":"tt0266697","kind":"MOVIE","title":"Kill Bill","localizedTitles":{"de":"Kill Bill DE"},
         "genres":["action"],"maturity":{"scheme":"MPAA","value":"R","minimumAge":17},"releaseYear":2003,
         "cast":[{"person":"Uma Thurman","character":"The Bride","role":"hero"}],
         "tags":["CAST:Uma Thurman",{"kind":"theme","value":"revenge"}],"vendorField":42}
        """;
    for (String json : List.of("[" + entry + "]", "{\"entries\":[" + entry + "]}")) {
      ImportRow row = read(json).get(0);
      assertThat(row.parseErrors()).isEmpty();
      assertThat(row.draft().kind()).isEqualTo(EntryKind.MOVIE);
      assertThat(row.draft().localizedTitles()).containsEntry("de", "Kill Bill DE");
      assertThat(row.draft().maturity()).isEqualTo(new MaturityRating("MPAA", "R", 17));
      assertThat(row.draft().cast())
          .containsExactly(new CastMember("Uma Thurman", "The Bride", "hero"));
      assertThat(row.tags())
          .containsExactly(
              new TagRef(TagKind.CAST, "Uma Thurman"), new TagRef(TagKind.THEME, "revenge"));
    }
  }

  @Test
  void reportsWrongTypesAndEnumsAsRowErrors() {
    ImportRow row =
        read("[{\"externalId\":\"x\",\"kind\":\"FILM\",\"title\":\"T\",\"releaseYear\":\"soon\",\"genres\":\"a\",\"cast\":[1]}, 7]")
            .get(0);
    assertThat(row.parseErrors())
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("kind", "releaseYear", "genres", "cast[0]");
    assertThat(read("[7]").get(0).parseErrors())
        .extracting(FieldError::field)
        .containsExactly("entry");
  }

  @Test
  void rejectsMalformedJsonAndOtherShapes() {
    assertThatThrownBy(() -> read("[{\"externalId\": }]"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> read("{\"items\":[]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("array");
    assertThatThrownBy(() -> read("\"hello\"")).isInstanceOf(InvalidInputException.class);
  }
}
