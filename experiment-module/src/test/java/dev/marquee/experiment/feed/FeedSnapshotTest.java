package dev.marquee.experiment.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.experiment.guardrail.rules.VariantFacts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedSnapshotTest {
  static final UUID ENTRY = UUID.randomUUID();

  static FeedVariant variant() {
    UUID id = UUID.randomUUID();
    return new FeedVariant(id, ENTRY, new VariantFacts(id, "hero", Set.of()), List.of());
  }

  static FeedSnapshot.Variants variants(FeedVariant... vs) {
    return new FeedSnapshot.Variants(
        Map.of(vs[0].id(), vs[0], vs[1].id(), vs[1]), Map.of(ENTRY, List.of(vs)));
  }

  @Test
  void publishedArtworkFollowsBothItsParts() {
    FeedVariant a = variant();
    FeedVariant b = variant();
    FeedSnapshot.Artwork artwork =
        new FeedSnapshot.Artwork(Map.of("all", Map.of(ENTRY, a.id()), "g1", Map.of(ENTRY, b.id())));
    FeedSnapshot s = new FeedSnapshot(null, variants(a, b), artwork, null, null, null, Map.of());

    assertThat(s.published().of("all")).containsExactly(Map.entry(ENTRY, a));
    assertThat(s.published().of("g1")).containsExactly(Map.entry(ENTRY, b));
    assertThat(s.published().of("g2")).isEmpty();

    // a re-rendered variant is a new object: the published map must point at it
    FeedVariant a2 = new FeedVariant(a.id(), ENTRY, a.facts(), List.of());
    FeedSnapshot rebuilt = s.withVariants(variants(a2, b));
    assertThat(rebuilt.published().of("all").get(ENTRY)).isSameAs(a2);

    // a published variant that is gone is left out, not served
    FeedSnapshot republished =
        rebuilt.withArtwork(
            new FeedSnapshot.Artwork(Map.of("all", Map.of(ENTRY, UUID.randomUUID()))));
    assertThat(republished.published().of("all")).isEmpty();
    assertThat(republished.withRows(Map.of()).published())
        .as("other parts keep it")
        .isSameAs(republished.published());
  }
}
