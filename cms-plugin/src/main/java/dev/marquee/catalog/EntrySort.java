package dev.marquee.catalog;

/** Sort orders of the entry list; both are total thanks to the id tie-breaker. */
public enum EntrySort {
  /** Title ascending, case-insensitive; ties by id. The default. */
  TITLE,
  /** Most recently updated first; ties by id descending. */
  UPDATED_AT
}
