package dev.marquee.catalog.importing;

/**
 * A problem with one row; the row was skipped, other rows were applied.
 *
 * @param row 1-based data row number
 * @param externalId the row's external id as given, or null
 * @param field the field path (e.g. {@code cast[2].person}) or CSV column
 */
public record ImportRowError(int row, String externalId, String field, String message) {}
