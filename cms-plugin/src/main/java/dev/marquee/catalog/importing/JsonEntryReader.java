package dev.marquee.catalog.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.catalog.CastMember;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.EntryKind;
import dev.marquee.catalog.MaturityRating;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.tagging.TagRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads catalog entries in Marquee's JSON form, shared by the importer and the webhook:
 *
 * <pre>{"externalId":"tt0266697","kind":"MOVIE","parentExternalId":null,"title":"Kill Bill",
 *  "localizedTitles":{"de":"…"},"synopsis":"…","genres":["action"],
 *  "maturity":{"scheme":"MPAA","value":"R","minimumAge":17},"releaseYear":2003,
 *  "cast":[{"person":"Uma Thurman","character":"The Bride","role":"hero"}],
 *  "tags":["CAST:Uma Thurman", {"kind":"THEME","value":"revenge"}]}</pre>
 *
 * Unknown fields are ignored so that senders can add their own.
 */
public final class JsonEntryReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonEntryReader() {}

  /**
   * Reads a whole import file.
   *
   * @throws InvalidInputException when the file is not JSON, not an array or {@code
   *     {"entries":[…]}}, or has more than {@link ImportLimits#MAX_ROWS} entries
   */
  public static List<ImportRow> readFile(InputStream in) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          new FieldError(
              "file",
              "is not valid JSON (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + "): "
                  + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new InvalidInputException(
          new FieldError("file", "could not be read: " + e.getMessage()));
    }
    JsonNode array = root != null && root.isObject() ? root.get("entries") : root;
    if (array == null || !array.isArray()) {
      throw new InvalidInputException(
          new FieldError(
              "file", "must be a JSON array of entries or an object {\"entries\": [...]}"));
    }
    if (array.size() > ImportLimits.MAX_ROWS) {
      throw new InvalidInputException(
          new FieldError(
              "file",
              "has "
                  + array.size()
                  + " entries; at most "
                  + ImportLimits.MAX_ROWS
                  + " per import"));
    }
    List<ImportRow> rows = new ArrayList<>(array.size());
    int n = 0;
    for (JsonNode node : array) {
      rows.add(readEntry(node, ++n));
    }
    return rows;
  }

  /** Reads one entry object; problems become the row's parse errors. */
  public static ImportRow readEntry(JsonNode node, int rowNumber) {
    List<FieldError> errors = new ArrayList<>();
    if (node == null || !node.isObject()) {
      errors.add(new FieldError("entry", "must be a JSON object"));
      return new ImportRow(rowNumber, EntryDraft.of(null, null, null), null, errors);
    }
    MaturityRating maturity = null;
    JsonNode m = node.get("maturity");
    if (m != null && !m.isNull()) {
      if (m.isObject()) {
        maturity =
            new MaturityRating(
                string(m, "scheme", "maturity.scheme", errors),
                string(m, "value", "maturity.value", errors),
                integer(m, "minimumAge", "maturity.minimumAge", errors));
      } else {
        errors.add(new FieldError("maturity", "must be an object {scheme, value, minimumAge}"));
      }
    }
    EntryDraft draft =
        new EntryDraft(
            string(node, "externalId", "externalId", errors),
            kind(string(node, "kind", "kind", errors), errors),
            string(node, "parentExternalId", "parentExternalId", errors),
            string(node, "title", "title", errors),
            localizedTitles(node.get("localizedTitles"), errors),
            string(node, "synopsis", "synopsis", errors),
            strings(node.get("genres"), "genres", errors),
            maturity,
            integer(node, "releaseYear", "releaseYear", errors),
            cast(node.get("cast"), errors));
    return new ImportRow(rowNumber, draft, tags(node.get("tags"), errors), errors);
  }

  /** Parses an entry kind, recording an error for unknown names. */
  static EntryKind kind(String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return EntryKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
              "kind", "'" + value + "' is not one of " + Arrays.toString(EntryKind.values())));
      return null;
    }
  }

  private static String string(JsonNode node, String name, String field, List<FieldError> errors) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    return v.asText();
  }

  private static Integer integer(
      JsonNode node, String name, String field, List<FieldError> errors) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.intValue();
    }
    if (v.isTextual()) {
      try {
        return Integer.valueOf(v.asText().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    errors.add(new FieldError(field, "must be a whole number"));
    return null;
  }

  private static Map<String, String> localizedTitles(JsonNode node, List<FieldError> errors) {
    Map<String, String> titles = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return titles;
    }
    if (!node.isObject()) {
      errors.add(new FieldError("localizedTitles", "must be an object of language tag to title"));
      return titles;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!f.getValue().isTextual()) {
        errors.add(new FieldError("localizedTitles." + f.getKey(), "must be a string"));
      } else {
        titles.put(f.getKey(), f.getValue().asText());
      }
    }
    return titles;
  }

  private static List<String> strings(JsonNode node, String field, List<FieldError> errors) {
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isArray()) {
      errors.add(new FieldError(field, "must be an array of strings"));
      return values;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode v = node.get(i);
      if (v.isTextual()) {
        values.add(v.asText());
      } else {
        errors.add(new FieldError(field + "[" + i + "]", "must be a string"));
      }
    }
    return values;
  }

  private static List<CastMember> cast(JsonNode node, List<FieldError> errors) {
    List<CastMember> cast = new ArrayList<>();
    if (node == null || node.isNull()) {
      return cast;
    }
    if (!node.isArray()) {
      errors.add(new FieldError("cast", "must be an array of {person, character, role}"));
      return cast;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode c = node.get(i);
      String path = "cast[" + i + "]";
      if (!c.isObject()) {
        errors.add(new FieldError(path, "must be an object {person, character, role}"));
        continue;
      }
      cast.add(
          new CastMember(
              string(c, "person", path + ".person", errors),
              string(c, "character", path + ".character", errors),
              string(c, "role", path + ".role", errors)));
    }
    return cast;
  }

  private static List<TagRef> tags(JsonNode node, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<TagRef> tags = new ArrayList<>();
    if (!node.isArray()) {
      errors.add(new FieldError("tags", "must be an array of \"KIND:value\" strings"));
      return tags;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode t = node.get(i);
      String field = "tags[" + i + "]";
      try {
        if (t.isTextual()) {
          tags.add(TagRef.parse(t.asText(), field));
        } else if (t.isObject() && t.hasNonNull("kind") && t.hasNonNull("value")) {
          tags.add(
              new TagRef(TagRef.kind(t.get("kind").asText(), field), t.get("value").asText())
                  .check(field));
        } else {
          errors.add(new FieldError(field, "must be \"KIND:value\" or {kind, value}"));
        }
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      }
    }
    return tags;
  }
}
