package dev.marquee.catalog.importing;

import dev.marquee.catalog.EntryDraft;
import dev.marquee.errors.FieldError;
import dev.marquee.tagging.TagRef;
import java.util.List;

/**
 * One parsed entry of an import file (or a webhook payload).
 *
 * @param rowNumber 1-based position among the data rows (the CSV header is not counted)
 * @param draft the entry as far as it could be read; fields that failed to parse are null
 * @param tags the row's IMPORTED tags, or null when the row does not mention tags (leave them)
 * @param parseErrors values that could not be read at all (bad enum, bad number, bad syntax)
 */
public record ImportRow(
    int rowNumber, EntryDraft draft, List<TagRef> tags, List<FieldError> parseErrors) {
  public ImportRow {
    parseErrors = List.copyOf(parseErrors);
    tags = tags == null ? null : List.copyOf(tags);
  }

  public String externalId() {
    return draft.externalId() == null ? null : draft.externalId().trim();
  }
}
