package dev.marquee.delivery.change;

/**
 * The parts of the state the delivery feed keeps in memory, each rebuilt on its own when it
 * changes.
 */
public enum DeliverySegment {
  /** Entries, their titles, ratings and engagement tags. */
  CATALOG,
  /** Variants, their renditions, the tags with regions on their source images, templates. */
  VARIANTS,
  /** Published artwork versions. */
  ARTWORK,
  /** Audience groups and their order. */
  AUDIENCES,
  /** Running experiments, arms and allocation periods. */
  EXPERIMENTS,
  /** The guardrail policy. */
  GUARDRAILS,
  /** Named feed rows. */
  ROWS,
  /** Viewers' personal data (erasure): per-node caches of sticky assignments are dropped. */
  VIEWERS
}
