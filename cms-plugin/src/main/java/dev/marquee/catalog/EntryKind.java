package dev.marquee.catalog;

/** What a catalog entry is; decides which parent it may have. */
public enum EntryKind {
  MOVIE,
  SERIES,
  SEASON,
  EPISODE;

  /** Whether an entry of this kind may sit under an entry of {@code parentKind}. */
  public boolean acceptsParent(EntryKind parentKind) {
    return switch (this) {
      case MOVIE, SERIES -> false;
      case SEASON -> parentKind == SERIES;
      case EPISODE -> parentKind == SEASON || parentKind == SERIES;
    };
  }

  /** Depth in the hierarchy; parents always have a lower rank than their children. */
  public int rank() {
    return switch (this) {
      case MOVIE, SERIES -> 0;
      case SEASON -> 1;
      case EPISODE -> 2;
    };
  }
}
