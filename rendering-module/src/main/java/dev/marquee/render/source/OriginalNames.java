package dev.marquee.render.source;

/**
 * Cleans the file name a client sent, which is only ever shown to people: no directories, no
 * control characters, at most 255 characters.
 */
public final class OriginalNames {
  static final int MAX_LENGTH = 255;

  private OriginalNames() {}

  /** The last path segment without control characters, or null when nothing displayable is left. */
  public static String clean(String sent) {
    if (sent == null) {
      return null;
    }
    String name = sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
        .forEach(out::appendCodePoint);
    String cleaned = out.toString().strip();
    if (cleaned.isEmpty()) {
      return null;
    }
    if (cleaned.length() > MAX_LENGTH) {
      int end = MAX_LENGTH;
      if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
        end--;
      }
      cleaned = cleaned.substring(0, end);
    }
    return cleaned;
  }
}
