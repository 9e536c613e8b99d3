package dev.marquee.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.marquee.errors.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryDraftValidatorTest {
  private static EntryDraft valid() {
    return new EntryDraft(
        "tt0266697",
        EntryKind.MOVIE,
        null,
        "Kill Bill: Vol. 1",
        Map.of("de", "Kill Bill", "pt-BR", "Kill Bill"),
        "x".repeat(4000),
        List.of("action"),
        new MaturityRating("MPAA", "R", 17),
        2003,
        List.of(new CastMember("Uma Thurman", "The Bride", "hero")));
  }

  @Test
  void acceptsAValidDraftAtTheLimits() {
    assertThat(EntryDraftValidator.validate(valid())).isEmpty();
    assertThat(EntryDraftValidator.validate(EntryDraft.of("a", EntryKind.SERIES, "x".repeat(500))))
        .isEmpty();
    assertThat(
            EntryDraftValidator.validate(
                EntryDraft.of("A" + "b".repeat(199), EntryKind.MOVIE, "T")))
        .isEmpty();
    assertThat(EntryDraftValidator.validate(EntryDraft.of("urn:cms/1.2_x-y", EntryKind.MOVIE, "T")))
        .isEmpty();
  }

  @Test
  void reportsEveryBrokenFieldWithItsPath() {
    Map<String, String> titles = new LinkedHashMap<>();
    titles.put("de", " ");
    titles.put("not a tag!", "Titel");
    List<CastMember> cast = new ArrayList<>();
    cast.add(new CastMember("Uma Thurman", null, null));
    cast.add(new CastMember("Lucy Liu", "x".repeat(201), null));
    cast.add(new CastMember(" ", null, "r".repeat(51)));
    EntryDraft draft =
        new EntryDraft(
            "-starts-with-dash",
            null,
            null,
            " ",
            titles,
            "x".repeat(4001),
            List.of("ok", "g".repeat(51)),
            new MaturityRating("", "PG", 22),
            1869,
            cast);

    assertThat(EntryDraftValidator.validate(draft))
        .extracting(FieldError::field)
        .containsExactly(
            "externalId",
            "kind",
            "title",
            "localizedTitles.de",
            "localizedTitles.not a tag!",
            "synopsis",
            "genres[1]",
            "maturityRating.scheme",
            "maturityRating.minimumAge",
            "releaseYear",
            "cast[1].character",
            "cast[2].person",
            "cast[2].role");
  }

  @Test
  void checksCollectionSizes() {
    EntryDraft tooMany =
        new EntryDraft(
            "m",
            EntryKind.MOVIE,
            null,
            "T",
            null,
            null,
            Collections.nCopies(21, "drama"),
            null,
            2100,
            Collections.nCopies(201, new CastMember("P", null, null)));
    assertThat(EntryDraftValidator.validate(tooMany))
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            tuple("genres", "at most 20 genres"), tuple("cast", "at most 200 cast members"));
    Map<String, String> titles = new LinkedHashMap<>();
    for (int i = 0; i < 51; i++) {
      titles.put("x" + (char) ('a' + i / 26) + (char) ('a' + i % 26), "t");
    }
    assertThat(
            EntryDraftValidator.validate(EntryDraft.of("m", EntryKind.MOVIE, "T").withTitle("T")))
        .isEmpty();
    assertThat(
            EntryDraftValidator.validate(
                new EntryDraft(
                    "m", EntryKind.MOVIE, null, "T", titles, null, null, null, null, null)))
        .extracting(FieldError::field)
        .containsExactly("localizedTitles");
  }

  @Test
  void checksParentRulesThatNeedNoDatabase() {
    assertThat(
            EntryDraftValidator.validate(EntryDraft.of("m", EntryKind.MOVIE, "T").withParent("s")))
        .extracting(FieldError::field)
        .containsExactly("parentExternalId");
    assertThat(
            EntryDraftValidator.validate(
                EntryDraft.of("e", EntryKind.EPISODE, "T").withParent("e")))
        .extracting(FieldError::message)
        .containsExactly("an entry cannot be its own parent");
    assertThat(
            EntryDraftValidator.validate(
                EntryDraft.of("e", EntryKind.EPISODE, "T").withParent("s1")))
        .isEmpty();
  }

  @Test
  void normalisesWhatItStores() {
    EntryDraft normalized =
        new EntryDraft(
                " m1 ",
                EntryKind.MOVIE,
                " ",
                " Title ",
                Map.of("PT-br", " Título "),
                " ",
                List.of(" Drama", "drama", "Crime "),
                new MaturityRating(" fsk ", " 16 ", 16),
                null,
                List.of(new CastMember(" A ", " ", " Hero ")))
            .normalized();
    assertThat(normalized.externalId()).isEqualTo("m1");
    assertThat(normalized.parentExternalId()).isNull();
    assertThat(normalized.title()).isEqualTo("Title");
    assertThat(normalized.localizedTitles()).containsExactly(Map.entry("pt-BR", "Título"));
    assertThat(normalized.synopsis()).isNull();
    assertThat(normalized.genres()).containsExactly("drama", "crime");
    assertThat(normalized.maturity()).isEqualTo(new MaturityRating("FSK", "16", 16));
    assertThat(normalized.cast()).containsExactly(new CastMember("A", null, "hero"));
  }
}
