package dev.marquee.experiment.feed.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.marquee.experiment.feed.FeedAnswer;
import dev.marquee.experiment.feed.FeedRendition;
import dev.marquee.web.JsonMapperProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Writes a feed answer as the contract's {@code Feed} JSON with the API mapper's generator, field
 * by field, instead of building the generated model and serialising it by reflection: the feed
 * writes some 40 items per request, and that mapping was a fifth of the feed's CPU time in profiles
 * (docs/benchmarks.md, "Delivery feed"). The bytes are those the generated model gives: the same
 * field order (a model's required properties first, then the others as declared), nulls left out;
 * {@code FeedJsonTest} compares the two for every kind of item.
 */
final class FeedJson {
  private FeedJson() {}

  /**
   * @param assetBase prefix of rendition paths (no trailing slash), empty for relative URLs
   */
  static byte[] write(FeedAnswer answer, String assetBase) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 700 * answer.items().size());
    try (JsonGenerator g =
        JsonMapperProvider.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeObjectFieldStart("audienceGroup");
      uuid(g, "id", answer.audienceGroup().groupId());
      string(g, "name", answer.audienceGroup().name());
      g.writeEndObject();
      g.writeBooleanField("heldOut", answer.heldOut());
      g.writeArrayFieldStart("items");
      for (FeedAnswer.Item i : answer.items()) {
        item(g, i, assetBase);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory does not fail", e);
    }
    return out.toByteArray();
  }

  private static void item(JsonGenerator g, FeedAnswer.Item i, String assetBase)
      throws IOException {
    g.writeStartObject();
    string(g, "requested", i.requested());
    g.writeStringField("status", i.status().name());
    if (i.entry() != null) {
      uuid(g, "entryId", i.entry().id());
      string(g, "externalId", i.entry().externalId());
    }
    string(g, "title", i.title());
    if (i.variant() != null) {
      g.writeStringField("source", i.source().name());
      uuid(g, "variantId", i.variant().id());
      g.writeArrayFieldStart("renditions");
      for (FeedRendition r : i.variant().renditions()) {
        g.writeStartObject();
        g.writeStringField("url", assetBase + r.path());
        g.writeNumberField("width", r.width());
        g.writeNumberField("height", r.height());
        g.writeStringField("format", r.format());
        g.writeEndObject();
      }
      g.writeEndArray();
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
