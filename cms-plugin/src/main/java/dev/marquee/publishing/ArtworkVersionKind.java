package dev.marquee.publishing;

/** How an artwork version came to be. */
public enum ArtworkVersionKind {
  /** A promotion was published. */
  PUBLISH,
  /** An earlier version's variant was shown again. */
  ROLLBACK
}
