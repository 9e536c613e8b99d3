package dev.marquee.render.variant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.render.engine.ContentHash;
import dev.marquee.render.engine.NormalizedRect;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything a variant's pixels depend on, and the identity key derived from it: SHA-256 over the
 * source's content hash, the tag and region, the template's name, version and definition hash, and
 * the overlay texts (sorted). Equal inputs give an equal key, and the engine renders equal inputs
 * to equal bytes, so a variant whose key exists is never rendered again.
 *
 * @param entryId the entry the image belongs to
 * @param sourceImageId the source image
 * @param sourceContentHash SHA-256 of the source's bytes
 * @param tagId the engagement tag whose region frames the crop, or null
 * @param region that region, or null
 * @param templateName the template
 * @param templateVersion its version
 * @param definitionHash the version's definition hash
 * @param texts overlay texts by key
 */
public record VariantInputs(
    UUID entryId,
    UUID sourceImageId,
    String sourceContentHash,
    UUID tagId,
    NormalizedRect region,
    String templateName,
    int templateVersion,
    String definitionHash,
    Map<String, String> texts) {
  /**
   * Bumped when the engine's output for the same inputs changes on purpose, so new renders get new
   * keys instead of being skipped.
   */
  static final int RENDERER_REVISION =
      2; // 2: libjpeg-turbo shrink-on-load, Lanczos 3, font fallback

  private static final ObjectMapper JSON = new ObjectMapper();

  public VariantInputs {
    texts = texts == null ? Map.of() : Map.copyOf(texts);
  }

  public String identityKey() {
    StringBuilder canonical = new StringBuilder();
    canonical.append("marquee-variant/").append(RENDERER_REVISION).append('\n');
    canonical.append(sourceContentHash).append('\n');
    canonical.append(tagId == null ? "-" : tagId.toString()).append('\n');
    canonical.append(region == null ? "-" : rect(region)).append('\n');
    canonical.append(templateName).append('@').append(templateVersion).append('\n');
    canonical.append(definitionHash).append('\n');
    canonical.append(textsJson(texts));
    return ContentHash.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String rect(NormalizedRect r) {
    // Fixed precision: the same rectangle read back from the database must give the same key.
    return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f", r.x(), r.y(), r.width(), r.height());
  }

  static String textsJson(Map<String, String> texts) {
    SortedMap<String, String> sorted = new TreeMap<>(texts == null ? Map.of() : texts);
    try {
      return JSON.writeValueAsString(sorted);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings are always serialisable", e);
    }
  }

  static Map<String, String> parseTexts(String json) {
    try {
      return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored variant texts are unreadable", e);
    }
  }
}
