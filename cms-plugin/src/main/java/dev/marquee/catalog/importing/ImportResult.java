package dev.marquee.catalog.importing;

import java.util.List;

/**
 * What an import did. {@code created + updated + unchanged + failed == total}.
 *
 * @param errors one or more per failed row, in row order
 */
public record ImportResult(
    int total, int created, int updated, int unchanged, int failed, List<ImportRowError> errors) {
  public ImportResult {
    errors = List.copyOf(errors);
  }
}
