package dev.marquee.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.catalog.importing.ImportRow;
import dev.marquee.catalog.importing.JsonEntryReader;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@link CatalogSource} {@value #NAME} for Marquee's own payloads: {@code
 * {"type":"entry.upserted","entry":{…}}} with the entry in the JSON import format, or {@code
 * {"type":"entry.archived","externalId":"…"}}.
 */
@ApplicationScoped
public class MarqueeCatalogSource implements CatalogSource {
  public static final String NAME = "marquee";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CatalogChange read(byte[] body, Map<String, List<String>> headers) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new InvalidInputException(new FieldError("body", "is not valid JSON"));
    }
    String type = root != null && root.hasNonNull("type") ? root.get("type").asText() : null;
    if ("entry.upserted".equals(type)) {
      ImportRow row = JsonEntryReader.readEntry(root.get("entry"), 1);
      if (!row.parseErrors().isEmpty()) {
        throw new InvalidInputException(
            "The webhook's entry is invalid", prefixed(row.parseErrors()));
      }
      return new CatalogChange.Upsert(row.draft(), row.tags());
    }
    if ("entry.archived".equals(type)) {
      JsonNode id = root.get("externalId");
      if (id == null || !id.isTextual() || id.asText().isBlank()) {
        throw new InvalidInputException(new FieldError("externalId", "is required"));
      }
      return new CatalogChange.Archive(id.asText().trim());
    }
    throw new InvalidInputException(
        new FieldError("type", "must be \"entry.upserted\" or \"entry.archived\""));
  }

  private static List<FieldError> prefixed(List<FieldError> errors) {
    return errors.stream().map(e -> new FieldError("entry." + e.field(), e.message())).toList();
  }
}
