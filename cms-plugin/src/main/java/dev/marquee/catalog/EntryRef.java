package dev.marquee.catalog;

import java.util.UUID;

/** The identity and kind of an entry, enough to resolve and check a parent without loading it. */
public record EntryRef(UUID id, String externalId, EntryKind kind) {}
