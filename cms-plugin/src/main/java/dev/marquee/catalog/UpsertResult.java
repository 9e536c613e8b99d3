package dev.marquee.catalog;

/** The entry after an upsert and what the upsert did to it. */
public record UpsertResult(CatalogEntry entry, UpsertOutcome outcome) {}
