package dev.marquee.render.variant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.catalog.CatalogEntry;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryTextsTest {
  private static final CatalogEntry KILL_BILL =
      new CatalogEntry(
          new EntryDraft(
              "cms:movie:4711",
              EntryKind.MOVIE,
              null,
              "Kill Bill: Volume 1",
              Map.of(
                  "de", "Kill Bill – Volume 1", "pt-BR", "Kill Bill: Volume 1 (BR)", "ja", "キル・ビル"),
              null,
              List.of(),
              null,
              2003,
              List.of()),
          null,
          "editor",
          Instant.parse("2026-11-20T10:00:00Z"));

  @Test
  void explicitLocaleWinsOverAcceptLanguage() {
    assertThat(EntryTexts.of(KILL_BILL, "ja", "de").get(EntryTexts.TITLE)).isEqualTo("キル・ビル");
  }

  @Test
  void acceptLanguageFallsBackByTruncationAndWeight() {
    assertThat(EntryTexts.title(KILL_BILL, null, "de-CH, fr;q=0.8"))
        .isEqualTo("Kill Bill – Volume 1");
    assertThat(EntryTexts.title(KILL_BILL, null, "pt-br")).isEqualTo("Kill Bill: Volume 1 (BR)");
    assertThat(EntryTexts.title(KILL_BILL, null, "fr, es;q=0.5")).isEqualTo("Kill Bill: Volume 1");
    assertThat(EntryTexts.title(KILL_BILL, null, null)).isEqualTo("Kill Bill: Volume 1");
  }

  @Test
  void malformedPreferencesAreReported() {
    assertThatThrownBy(() -> EntryTexts.title(KILL_BILL, "??", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
