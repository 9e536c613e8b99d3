package dev.marquee.web;

/**
 * Evaluates {@code If-None-Match} (RFC 9110 13.1.2): {@code *} or a comma-separated list of entity
 * tags, compared weakly, so {@code W/"x"} matches {@code "x"}.
 */
public final class EntityTagMatch {
  private EntityTagMatch() {}

  /**
   * @param opaqueTag the current tag without quotes
   */
  public static boolean noneMatchFails(String ifNoneMatch, String opaqueTag) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.length() >= 2
          && tag.startsWith("\"")
          && tag.endsWith("\"")
          && tag.substring(1, tag.length() - 1).equals(opaqueTag)) {
        return true;
      }
    }
    return false;
  }
}
