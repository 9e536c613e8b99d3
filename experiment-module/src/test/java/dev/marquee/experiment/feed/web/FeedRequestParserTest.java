package dev.marquee.experiment.feed.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.audience.rules.ProfileType;
import dev.marquee.experiment.feed.FeedQuery;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedRequestParserTest {
  static FeedQuery parse(String entries, String externalIds, String watched, List<String> aff) {
    return FeedRequestParser.fromQuery(
        entries, externalIds, null, "v", "KIDS", "DE", null, "de-DE", null, watched, aff);
  }

  @Test
  void readsIdsInOrderAndAffinitiesWhoseValuesContainEqualsSigns() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    FeedQuery q =
        parse(
            a + ", " + b,
            "kill-bill-vol-1,charade",
            a.toString(),
            List.of("THEME:romance=0.8", "CUSTOM:a=b=0.25"));
    assertThat(q.entries())
        .extracting(FeedQuery.Requested::asSent)
        .containsExactly(a.toString(), b.toString(), "kill-bill-vol-1", "charade");
    assertThat(q.entries().get(2).externalId()).isEqualTo("kill-bill-vol-1");
    assertThat(q.context().recentlyWatched()).containsExactly(a);
    assertThat(q.context().tagAffinities())
        .containsEntry("THEME:romance", 0.8)
        .containsEntry("CUSTOM:a=b", 0.25);
    assertThat(q.context().profileType()).isEqualTo(ProfileType.KIDS);
    assertThat(q.personalised()).isTrue();
  }

  @Test
  void withoutViewerFactsTheQueryIsNotPersonalised() {
    FeedQuery q =
        FeedRequestParser.fromQuery(
            null, "x", null, null, null, "DE", null, null, null, null, null);
    assertThat(q.personalised()).isFalse();
  }

  @Test
  void namesEveryMalformedValue() {
    assertThatThrownBy(
            () -> parse("not-a-uuid,", null, UUID.randomUUID() + ",x", List.of("THEME:x", "T:y=z")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "entries[1]", "entries[0]", "watched[1]", "affinity[0]", "affinity[1]"));
  }

  @Test
  void capsTheNumberOfValues() {
    StringBuilder many = new StringBuilder("x");
    for (int i = 0; i < 100; i++) {
      many.append(",x");
    }
    assertThatThrownBy(() -> parse(null, many.toString(), null, null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactly("externalIds"));
  }
}
