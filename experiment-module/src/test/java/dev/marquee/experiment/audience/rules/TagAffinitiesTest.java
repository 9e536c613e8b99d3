package dev.marquee.experiment.audience.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagAffinitiesTest {

  @Test
  void unweightedTagsGiveTheShareOfWatchedEntriesCarryingThem() {
    Map<String, Double> a =
        TagAffinities.fromWatched(
            List.of(
                Map.of("THEME:romance", 1.0, "CAST:uma thurman", 1.0),
                Map.of("THEME:romance", 1.0),
                Map.of("THEME:revenge", 1.0),
                Map.of()));

    assertThat(a.get("THEME:romance")).isEqualTo(0.5);
    assertThat(a.get("CAST:uma thurman")).isEqualTo(0.25);
    assertThat(a.get("THEME:revenge")).isEqualTo(0.25);
    assertThat(a).hasSize(3);
  }

  @Test
  void weightsScaleEachEntrysContribution() {
    Map<String, Double> a =
        TagAffinities.fromWatched(
            List.of(Map.of("THEME:romance", 0.8), Map.of("THEME:romance", 0.2)));

    assertThat(a.get("THEME:romance")).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void nothingWatchedGivesNoAffinities() {
    assertThat(TagAffinities.fromWatched(List.of())).isEmpty();
  }

  @Test
  void precomputedAffinitiesOverrideDerivedOnesPerTag() {
    Map<String, Double> merged =
        TagAffinities.merge(
            Map.of("THEME:romance", 0.5, "THEME:revenge", 0.25), Map.of("THEME:romance", 0.9));

    assertThat(merged).containsEntry("THEME:romance", 0.9).containsEntry("THEME:revenge", 0.25);
  }
}
