package dev.marquee.experiment.feed.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marquee.api.model.Feed;
import dev.marquee.api.model.FeedAudienceGroup;
import dev.marquee.api.model.FeedItem;
import dev.marquee.api.model.FeedTracking;
import dev.marquee.experiment.audience.rules.GroupRules;
import dev.marquee.experiment.feed.FeedAnswer;
import dev.marquee.experiment.feed.FeedAnswer.Item;
import dev.marquee.experiment.feed.FeedAnswer.Source;
import dev.marquee.experiment.feed.FeedAnswer.Status;
import dev.marquee.experiment.feed.FeedAnswer.Tracking;
import dev.marquee.experiment.feed.FeedEntry;
import dev.marquee.experiment.feed.FeedRendition;
import dev.marquee.experiment.feed.FeedVariant;
import dev.marquee.experiment.guardrail.rules.VariantFacts;
import dev.marquee.web.JsonMapperProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The reference is the contract's generated model, filled as the feed resource did before it wrote
 * JSON by hand, and serialised by the API's mapper: the hand-written bytes must be identical, so
 * ETags and clients see no difference.
 */
class FeedJsonTest {
  static final UUID GROUP = UUID.fromString("9c3f4e5d-0000-4000-8000-000000000001");

  static FeedEntry entry(String externalId, String title) {
    return new FeedEntry(
        UUID.randomUUID(),
        externalId,
        title,
        Map.of(),
        false,
        13,
        Map.of(),
        UnaryOperator.identity());
  }

  static FeedVariant variant(FeedEntry e, int renditions) {
    List<FeedRendition> r = new ArrayList<>();
    for (int i = 0; i < renditions; i++) {
      r.add(
          new FeedRendition(
              "/assets/" + "ab".repeat(32) + i + ".jpg",
              1280 >> i,
              720 >> i,
              i == 2 ? "WEBP" : "JPEG"));
    }
    UUID id = UUID.randomUUID();
    return new FeedVariant(id, e.id(), new VariantFacts(id, "hero", Set.of()), r);
  }

  static FeedAnswer answer(boolean heldOut) {
    FeedEntry plain = entry("charade-1963", "Charade");
    FeedEntry quoted = entry("ext \"42\"\\", "Amélie – \"Le fabuleux\"\n\tdestin 🎬 <b>&</b>");
    FeedEntry blocked = entry("saw-2004", "Saw");
    UUID experiment = UUID.randomUUID();
    List<Item> items =
        List.of(
            new Item(
                plain.id().toString(),
                plain,
                Status.OK,
                "Charade",
                Source.EXPERIMENT,
                variant(plain, 3),
                new Tracking(experiment, UUID.randomUUID(), GROUP)),
            new Item(
                "ext \"42\"\\",
                quoted,
                Status.OK,
                quoted.title(),
                Source.DEFAULT,
                variant(quoted, 1),
                new Tracking(experiment, null, GROUP)),
            new Item(
                plain.id().toString(),
                plain,
                Status.OK,
                "Charade",
                Source.FALLBACK,
                variant(plain, 0),
                null),
            new Item("unknown-1", null, Status.NOT_FOUND, null, null, null, null),
            new Item("saw-2004", blocked, Status.BLOCKED, "Saw", null, null, null),
            new Item("saw-2004", blocked, Status.ARCHIVED, "Saw", null, null, null),
            new Item(
                blocked.id().toString(),
                blocked,
                Status.NO_ARTWORK,
                "Saw",
                null,
                null,
                new Tracking(experiment, null, GROUP)),
            new Item(
                "x", plain, Status.OK, "Charade", Source.AUDIENCE_WINNER, variant(plain, 2), null),
            // a localised title: written after the cached id fields instead of the main title
            new Item("y", plain, Status.OK, "Scharade", Source.DEFAULT, variant(plain, 1), null),
            new Item("z", plain, Status.BLOCKED, null, null, null, null));
    return new FeedAnswer(
        new GroupRules(GROUP, "Romance fans \"DE\"", List.of()), heldOut, true, items);
  }

  @Test
  void sameBytesAsTheGeneratedModel() throws Exception {
    for (boolean heldOut : new boolean[] {false, true}) {
      for (String base : new String[] {"", "https://cdn.example.com"}) {
        FeedAnswer a = answer(heldOut);
        FeedJson json = new FeedJson(base);

        byte[] written = json.write(a).toByteArray();
        byte[] again = json.write(a).toByteArray();

        byte[] reference = JsonMapperProvider.mapper().writeValueAsBytes(reference(a, base));
        assertThat(new String(written, StandardCharsets.UTF_8))
            .isEqualTo(new String(reference, StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(reference);
        assertThat(again).as("from the cached fragments").isEqualTo(reference);
      }
    }
  }

  @Test
  void writesWhatTheContractSays() throws Exception {
    FeedAnswer a = answer(false);

    JsonNode json =
        JsonMapperProvider.mapper()
            .readTree(new FeedJson("https://cdn.example.com").write(a).toByteArray());

    assertThat(json.get("audienceGroup").get("id").asText()).isEqualTo(GROUP.toString());
    assertThat(json.get("audienceGroup").get("name").asText()).isEqualTo("Romance fans \"DE\"");
    assertThat(json.get("heldOut").asBoolean()).isFalse();
    JsonNode first = json.get("items").get(0);
    assertThat(first.get("status").asText()).isEqualTo("OK");
    assertThat(first.get("source").asText()).isEqualTo("EXPERIMENT");
    assertThat(first.get("renditions")).hasSize(3);
    assertThat(first.get("renditions").get(2).get("url").asText())
        .isEqualTo("https://cdn.example.com/assets/" + "ab".repeat(32) + "2.jpg");
    assertThat(first.get("renditions").get(2).get("width").asInt()).isEqualTo(320);
    assertThat(first.get("renditions").get(2).get("format").asText()).isEqualTo("WEBP");
    assertThat(first.get("tracking").get("armId")).isNotNull();
    assertThat(json.get("items").get(1).get("title").asText())
        .isEqualTo("Amélie – \"Le fabuleux\"\n\tdestin 🎬 <b>&</b>");
    assertThat(json.get("items").get(1).get("tracking").has("armId")).isFalse();
    assertThat(json.get("items").get(2).get("renditions")).isEmpty();
    JsonNode missing = json.get("items").get(3);
    assertThat(missing.size()).as("only requested and status").isEqualTo(2);
    assertThat(json.get("items").get(4).has("renditions")).isFalse();
  }

  /** How DeliveryFeedResource mapped an answer to the generated model (before FeedJson). */
  static Feed reference(FeedAnswer answer, String base) {
    List<FeedItem> items = new ArrayList<>();
    for (FeedAnswer.Item i : answer.items()) {
      FeedItem item =
          new FeedItem()
              .requested(i.requested())
              .status(FeedItem.StatusEnum.fromValue(i.status().name()))
              .title(i.title())
              .renditions(null);
      if (i.entry() != null) {
        item.entryId(i.entry().id()).externalId(i.entry().externalId());
      }
      if (i.variant() != null) {
        List<dev.marquee.api.model.FeedRendition> renditions = new ArrayList<>();
        for (FeedRendition r : i.variant().renditions()) {
          renditions.add(
              new dev.marquee.api.model.FeedRendition()
                  .url(base + r.path())
                  .width(r.width())
                  .height(r.height())
                  .format(dev.marquee.api.model.FeedRendition.FormatEnum.fromValue(r.format())));
        }
        item.source(FeedItem.SourceEnum.fromValue(i.source().name()))
            .variantId(i.variant().id())
            .renditions(renditions);
      }
      if (i.tracking() != null) {
        item.tracking(
            new FeedTracking()
                .experimentId(i.tracking().experimentId())
                .armId(i.tracking().armId())
                .audienceGroupId(i.tracking().audienceGroupId()));
      }
      items.add(item);
    }
    return new Feed()
        .audienceGroup(
            new FeedAudienceGroup()
                .id(answer.audienceGroup().groupId())
                .name(answer.audienceGroup().name()))
        .heldOut(answer.heldOut())
        .items(items);
  }
}
