package dev.marquee.catalog.importing;

import dev.marquee.catalog.CastMember;
import dev.marquee.catalog.EntryDraft;
import dev.marquee.catalog.MaturityRating;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.tagging.TagRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads catalog entries from RFC 4180 CSV (UTF-8, comma, header row required). Columns, in any
 * order, only {@code externalId}, {@code kind} and {@code title} required: {@value #COLUMN_LIST}.
 * Lists are {@code |}-separated: genres {@code action|thriller}, localizedTitles {@code
 * de=Titel|fr=Titre}, cast {@code person;character;role|…}, tags {@code THEME:romance|CAST:Uma
 * Thurman}. An empty cell means "not set".
 */
public final class CsvEntryReader {
  static final String COLUMN_LIST =
      "externalId,kind,parentExternalId,title,synopsis,genres,maturityScheme,maturityValue,"
          + "maturityMinimumAge,releaseYear,localizedTitles,cast,tags";
  static final Set<String> COLUMNS = Set.of(COLUMN_LIST.split(","));
  static final List<String> REQUIRED = List.of("externalId", "kind", "title");

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .build();

  private CsvEntryReader() {}

  /** Reads a UTF-8 file. @see #read(Reader) */
  public static List<ImportRow> read(InputStream in) {
    return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
  }

  /**
   * Reads all rows.
   *
   * @throws InvalidInputException for structural problems: no header, wrong delimiter, unknown or
   *     missing required columns, malformed quoting, more than {@link ImportLimits#MAX_ROWS} rows
   */
  public static List<ImportRow> read(Reader reader) {
    try (CSVParser parser = FORMAT.parse(skipByteOrderMark(reader))) {
      List<String> header = parser.getHeaderNames();
      checkHeader(header);
      List<ImportRow> rows = new ArrayList<>();
      int n = 0;
      for (CSVRecord record : parser) {
        if (++n > ImportLimits.MAX_ROWS) {
          throw new InvalidInputException(
              new FieldError("file", "has more than " + ImportLimits.MAX_ROWS + " rows; split it"));
        }
        rows.add(row(record, n));
      }
      return rows;
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      // commons-csv reports duplicate headers and broken quoting this way
      throw new InvalidInputException(
          new FieldError("file", "is not valid CSV: " + e.getMessage()));
    } catch (IOException e) {
      throw new InvalidInputException(
          new FieldError("file", "could not be read: " + e.getMessage()));
    }
  }

  private static void checkHeader(List<String> header) {
    if (header.isEmpty()) {
      throw new InvalidInputException(
          new FieldError("file", "needs a header row naming the columns: " + COLUMN_LIST));
    }
    if (header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t"))) {
      String delimiter = header.get(0).contains(";") ? "semicolons (;)" : "tabs";
      throw new InvalidInputException(
          new FieldError(
              "file",
              "the header looks separated by "
                  + delimiter
                  + "; Marquee reads comma-separated CSV (RFC 4180), please export with commas"));
    }
    List<FieldError> errors = new ArrayList<>();
    for (String column : header) {
      if (!COLUMNS.contains(column)) {
        errors.add(
            new FieldError(
                "file", "unknown column '" + column + "'; known columns are " + COLUMN_LIST));
      }
    }
    for (String required : REQUIRED) {
      if (!header.contains(required)) {
        errors.add(new FieldError("file", "required column '" + required + "' is missing"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The CSV header is not usable", errors);
    }
  }

  private static ImportRow row(CSVRecord record, int rowNumber) {
    List<FieldError> errors = new ArrayList<>();
    if (!record.isConsistent()) {
      errors.add(
          new FieldError(
              "row",
              "has "
                  + record.size()
                  + " cells but the header has "
                  + record.getParser().getHeaderNames().size()));
    }
    String scheme = cell(record, "maturityScheme");
    String value = cell(record, "maturityValue");
    Integer age = number(cell(record, "maturityMinimumAge"), "maturityMinimumAge", errors);
    MaturityRating maturity =
        scheme == null && value == null && age == null
            ? null
            : new MaturityRating(scheme, value, age);
    EntryDraft draft =
        new EntryDraft(
            cell(record, "externalId"),
            JsonEntryReader.kind(cell(record, "kind"), errors),
            cell(record, "parentExternalId"),
            cell(record, "title"),
            localizedTitles(cell(record, "localizedTitles"), errors),
            cell(record, "synopsis"),
            list(cell(record, "genres")),
            maturity,
            number(cell(record, "releaseYear"), "releaseYear", errors),
            cast(cell(record, "cast"), errors));
    List<TagRef> tags = null;
    if (record.isMapped("tags")) {
      tags = tags(cell(record, "tags"), errors);
    }
    return new ImportRow(rowNumber, draft, tags, errors);
  }

  private static String cell(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value.isBlank() ? null : value;
  }

  private static Integer number(String text, String column, List<FieldError> errors) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      errors.add(new FieldError(column, "'" + text + "' is not a whole number"));
      return null;
    }
  }

  private static List<String> list(String text) {
    List<String> items = new ArrayList<>();
    if (text != null) {
      for (String item : text.split("\\|", -1)) {
        items.add(item.trim());
      }
    }
    return items;
  }

  private static Map<String, String> localizedTitles(String text, List<FieldError> errors) {
    Map<String, String> titles = new LinkedHashMap<>();
    List<String> pairs = list(text);
    for (int i = 0; i < pairs.size(); i++) {
      String pair = pairs.get(i);
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        errors.add(
            new FieldError("localizedTitles[" + i + "]", "must be language=title, e.g. de=Titel"));
      } else {
        titles.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
      }
    }
    return titles;
  }

  private static List<CastMember> cast(String text, List<FieldError> errors) {
    List<CastMember> cast = new ArrayList<>();
    List<String> members = list(text);
    for (int i = 0; i < members.size(); i++) {
      String[] parts = members.get(i).split(";", -1);
      if (parts.length > 3) {
        errors.add(new FieldError("cast[" + i + "]", "must be person;character;role"));
        continue;
      }
      cast.add(
          new CastMember(
              parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null));
    }
    return cast;
  }

  private static List<TagRef> tags(String text, List<FieldError> errors) {
    List<TagRef> tags = new ArrayList<>();
    List<String> items = list(text);
    for (int i = 0; i < items.size(); i++) {
      try {
        tags.add(TagRef.parse(items.get(i), "tags[" + i + "]"));
      } catch (InvalidInputException e) {
        errors.addAll(e.errors());
      }
    }
    return tags;
  }

  private static Reader skipByteOrderMark(Reader reader) throws IOException {
    Reader buffered = reader.markSupported() ? reader : new BufferedReader(reader);
    buffered.mark(1);
    if (buffered.read() != '\uFEFF') {
      buffered.reset();
    }
    return buffered;
  }
}
