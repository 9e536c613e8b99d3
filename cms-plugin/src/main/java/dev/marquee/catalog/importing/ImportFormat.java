package dev.marquee.catalog.importing;

/** The file formats the importer reads. */
public enum ImportFormat {
  /** An array of entry objects, or {@code {"entries": [...]}}. */
  JSON,
  /** RFC 4180 with a header row; see {@link CsvEntryReader} for the columns. */
  CSV
}
