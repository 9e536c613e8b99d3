package dev.marquee.catalog.importing;

/** Limits of one import request. */
public final class ImportLimits {
  /** Larger catalogs are imported in several files. */
  public static final int MAX_ROWS = 10_000;

  private ImportLimits() {}
}
