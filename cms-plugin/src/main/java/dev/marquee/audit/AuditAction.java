package dev.marquee.audit;

/** What happened, as recorded in {@link AuditEvent#getAction()}. */
public enum AuditAction {
  ENTRY_CREATED,
  ENTRY_UPDATED,
  ENTRY_ARCHIVED,
  ENTRY_RESTORED,
  ENTRY_DELETED,
  ENTRY_TAGGED,
  ENTRY_UNTAGGED,
  TAG_CREATED,
  TAG_RENAMED,
  TAG_MERGED,
  ENTRIES_IMPORTED,
  TEMPLATE_CREATED,
  TEMPLATE_UPDATED,
  TEMPLATE_ARCHIVED
}
