package dev.marquee.render.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.marquee.render.engine.ContentHash;
import java.nio.charset.StandardCharsets;

/**
 * The stored JSON form of a definition and its hash. The JSON is canonical (record component order,
 * no nulls, no whitespace), so equal definitions have equal hashes, which variants use as part of
 * their identity.
 */
public final class TemplateDefinitionCodec {
  private static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private TemplateDefinitionCodec() {}

  public static String toJson(TemplateDefinition definition) {
    try {
      return JSON.writeValueAsString(definition);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a definition is always serialisable", e);
    }
  }

  public static TemplateDefinition fromJson(String json) {
    try {
      return JSON.readValue(json, TemplateDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored template definition is unreadable", e);
    }
  }

  /** SHA-256 (hex) of the canonical JSON. */
  public static String hash(TemplateDefinition definition) {
    return ContentHash.sha256Hex(toJson(definition).getBytes(StandardCharsets.UTF_8));
  }
}
