package dev.marquee.experiment.feed;

/**
 * A request's language as one catalog's entries look titles up: the catalog's own instances of the
 * exact tag and of its primary language, each null when no title of the catalog is in it. {@link
 * FeedSnapshot.Catalog#titleLanguage(String)} makes them.
 */
public record TitleLanguage(String exact, String primary) {
  /** No language: every entry answers its main title. */
  public static final TitleLanguage NONE = new TitleLanguage(null, null);
}
