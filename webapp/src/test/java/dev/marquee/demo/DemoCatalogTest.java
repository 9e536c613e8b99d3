package dev.marquee.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.catalog.EntryDraftValidator;
import dev.marquee.catalog.importing.ImportRow;
import dev.marquee.catalog.importing.JsonEntryReader;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo catalog is valid importer input, so a first start never shows a half-loaded demo. */
class DemoCatalogTest {

  @Test
  void everyDemoEntryIsValidAndTagged() throws Exception {
    List<ImportRow> rows;
    try (InputStream json = DemoCatalogLoader.class.getResourceAsStream("catalog.json")) {
      rows = JsonEntryReader.readFile(json);
    }
    assertThat(rows).hasSizeBetween(18, 25);
    for (ImportRow row : rows) {
      assertThat(row.parseErrors()).as("row %s", row.rowNumber()).isEmpty();
      assertThat(EntryDraftValidator.validate(row.draft())).as("row %s", row.rowNumber()).isEmpty();
      assertThat(row.tags()).as("row %s has tags", row.rowNumber()).isNotEmpty();
    }
    assertThat(
            rows.stream()
                .filter(
                    r -> r.tags().stream().anyMatch(t -> t.toString().equals("CAST:Cary Grant"))))
        .hasSize(3);
  }
}
