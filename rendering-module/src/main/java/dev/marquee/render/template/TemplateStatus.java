package dev.marquee.render.template;

/** Whether a template takes part in new renders. */
public enum TemplateStatus {
  ACTIVE,
  /** No new versions, previews or renders; versions and variants are kept. */
  ARCHIVED
}
