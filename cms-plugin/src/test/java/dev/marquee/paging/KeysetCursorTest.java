package dev.marquee.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.errors.InvalidInputException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {
  private static final String FP = KeysetCursor.fingerprint("entries|TITLE|genre=drama");

  @Test
  void roundTripsAnySortKeyAsOpaqueUrlSafeText() {
    UUID id = UUID.randomUUID();
    for (String key :
        new String[] {
          "kill bill: vol. 1", "", "a.b.c", "ünïcödé ✓", "2026-11-23T12:00:00.123456Z"
        }) {
      String encoded = new KeysetCursor(FP, key, id).encode();
      assertThat(encoded).matches("[A-Za-z0-9_-]+");
      assertThat(KeysetCursor.decode(encoded, FP)).isEqualTo(new KeysetCursor(FP, key, id));
    }
  }

  @Test
  void blankMeansFirstPage() {
    assertThat(KeysetCursor.decode(null, FP)).isNull();
    assertThat(KeysetCursor.decode(" ", FP)).isNull();
  }

  @Test
  void fingerprintsDifferPerQuery() {
    assertThat(KeysetCursor.fingerprint("a"))
        .hasSize(16)
        .isNotEqualTo(KeysetCursor.fingerprint("b"));
    assertThat(KeysetCursor.fingerprint("a")).isEqualTo(KeysetCursor.fingerprint("a"));
  }

  @Test
  void rejectsCursorsOfOtherQueriesAndGarbageOnTheCursorField() {
    String encoded = new KeysetCursor(FP, "k", UUID.randomUUID()).encode();
    assertThatThrownBy(() -> KeysetCursor.decode(encoded, KeysetCursor.fingerprint("other")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors().get(0).field()).isEqualTo("cursor");
              assertThat(e.errors().get(0).message()).contains("different");
            });
    for (String garbage :
        new String[] {"not base64!", "aGVsbG8", encoded.substring(0, encoded.length() - 4)}) {
      assertThatThrownBy(() -> KeysetCursor.decode(garbage, FP))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
    }
  }

  @Test
  void limitsPageSizes() {
    assertThat(PageLimit.of(null)).isEqualTo(50);
    assertThat(PageLimit.of(1)).isEqualTo(1);
    assertThat(PageLimit.of(200)).isEqualTo(200);
    assertThatThrownBy(() -> PageLimit.of(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> PageLimit.of(201)).isInstanceOf(InvalidInputException.class);
  }
}
