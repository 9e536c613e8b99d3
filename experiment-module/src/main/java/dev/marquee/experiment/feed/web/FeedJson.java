package dev.marquee.experiment.feed.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.marquee.experiment.feed.FeedAnswer;
import dev.marquee.experiment.feed.FeedAnswer.Source;
import dev.marquee.experiment.feed.FeedAnswer.Status;
import dev.marquee.experiment.feed.FeedEntry;
import dev.marquee.experiment.feed.FeedRendition;
import dev.marquee.experiment.feed.FeedVariant;
import dev.marquee.web.JsonMapperProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes a feed answer as the contract's {@code Feed} JSON with the API mapper's generator, field
 * by field, instead of building the generated model and serialising it by reflection: the feed
 * writes some 40 items per request, and that mapping was a fifth of the feed's CPU time in profiles
 * (docs/benchmarks.md, "Delivery feed"). The bytes are those the generated model gives: the same
 * field order (a model's required properties first, then the others as declared), nulls left out;
 * {@code FeedJsonTest} compares the two for every kind of item.
 *
 * <p>What an item says about its entry (id, external id) and its variant (id, renditions) is the
 * same in every answer, so it is written once, with the same generator, and then copied: escaping
 * and formatting those strings was most of the feed's JSON time. The fragments are kept with the
 * snapshot objects they describe ({@link FeedEntry#json()}, {@link FeedVariant#json()}), so a
 * changed variant, which the snapshot loader builds anew, is written afresh, and an answer looks
 * nothing up to find them: with a cache keyed by those objects, its lookups and upkeep were about a
 * seventh of a feed request's CPU time. Field names and enum values are written pre-encoded. A
 * variant's fragment holds the rendition URLs with this writer's asset base, and a snapshot object
 * keeps one fragment: an application has one {@code FeedJson}, {@link FeedResponse}'s.
 */
final class FeedJson {
  private static final SerializedString REQUESTED = new SerializedString("requested");
  private static final SerializedString STATUS = new SerializedString("status");
  private static final SerializedString SOURCE = new SerializedString("source");
  private static final SerializedString[] STATUSES = encoded(Status.values());
  private static final SerializedString[] SOURCES = encoded(Source.values());

  private final JsonFactory factory = JsonMapperProvider.mapper().getFactory();
  private final String assetBase;

  // one function object each, not a lambda per item
  private final Function<FeedEntry, EntryFields> entryFields = this::entryFields;
  private final Function<FeedVariant, SerializedString> variantFields = this::variantFields;

  /**
   * @param assetBase prefix of rendition paths (no trailing slash), empty for relative URLs
   */
  FeedJson(String assetBase) {
    this.assetBase = assetBase;
  }

  JsonBody write(FeedAnswer answer) {
    JsonBody.Buffer out = new JsonBody.Buffer(1024 + 700 * answer.items().size());
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeObjectFieldStart("audienceGroup");
      uuid(g, "id", answer.audienceGroup().groupId());
      string(g, "name", answer.audienceGroup().name());
      g.writeEndObject();
      g.writeBooleanField("heldOut", answer.heldOut());
      g.writeArrayFieldStart("items");
      for (FeedAnswer.Item i : answer.items()) {
        item(g, i);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory does not fail", e);
    }
    return out.body();
  }

  private void item(JsonGenerator g, FeedAnswer.Item i) throws IOException {
    g.writeStartObject();
    if (i.requested() != null) {
      g.writeFieldName(REQUESTED);
      g.writeString(i.requested());
    }
    g.writeFieldName(STATUS);
    g.writeString(STATUSES[i.status().ordinal()]);
    if (i.entry() == null) {
      string(g, "title", i.title());
    } else {
      // the generator counts only the fields it wrote; "status" before makes the next one add ','
      EntryFields e = i.entry().json().get(i.entry(), entryFields);
      if (i.title() == i.entry().title()) { // the main title (not a localised one): same instance
        g.writeRaw(e.withTitle());
      } else {
        g.writeRaw(e.ids());
        string(g, "title", i.title());
      }
    }
    if (i.variant() != null) {
      g.writeFieldName(SOURCE);
      g.writeString(SOURCES[i.source().ordinal()]);
      g.writeRaw(i.variant().json().<FeedVariant, SerializedString>get(i.variant(), variantFields));
    }
    if (i.tracking() != null) {
      g.writeObjectFieldStart("tracking");
      uuid(g, "experimentId", i.tracking().experimentId());
      uuid(g, "audienceGroupId", i.tracking().audienceGroupId());
      uuid(g, "armId", i.tracking().armId());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  /** An entry's id fields, alone and followed by its main title. */
  private record EntryFields(SerializedString ids, SerializedString withTitle) {}

  private EntryFields entryFields(FeedEntry e) {
    Fields ids =
        g -> {
          uuid(g, "entryId", e.id());
          string(g, "externalId", e.externalId());
        };
    return new EntryFields(
        fragment(ids),
        fragment(
            g -> {
              ids.write(g);
              string(g, "title", e.title());
            }));
  }

  private SerializedString variantFields(FeedVariant v) {
    return fragment(
        g -> {
          uuid(g, "variantId", v.id());
          g.writeArrayFieldStart("renditions");
          for (FeedRendition r : v.renditions()) {
            g.writeStartObject();
            g.writeStringField("url", assetBase + r.path());
            g.writeNumberField("width", r.width());
            g.writeNumberField("height", r.height());
            g.writeStringField("format", r.format());
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  private interface Fields {
    void write(JsonGenerator g) throws IOException;
  }

  /** The fields as they appear after an earlier field: {@code ,"a":…,"b":…}. */
  private SerializedString fragment(Fields fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      fields.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory does not fail", e);
    }
    String object = out.toString(StandardCharsets.UTF_8);
    String inner = object.substring(1, object.length() - 1);
    SerializedString fragment = new SerializedString("," + inner);
    fragment.asUnquotedUTF8(); // encoded now, once, rather than by the first answer using it
    return fragment;
  }

  private static SerializedString[] encoded(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> new SerializedString(v.name()))
        .toArray(SerializedString[]::new);
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void uuid(JsonGenerator g, String name, UUID value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value.toString());
    }
  }
}
