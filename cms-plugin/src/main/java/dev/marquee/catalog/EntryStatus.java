package dev.marquee.catalog;

/** Archived entries are hidden from default lists but keep their tags, artwork and history. */
public enum EntryStatus {
  ACTIVE,
  ARCHIVED
}
