package dev.marquee.experiment.audience;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** BCP 47 checks for language tags and ranges. */
final class Languages {
  private Languages() {}

  /** Whether {@code tag} is a well-formed BCP 47 tag (e.g. {@code de}, {@code pt-BR}). */
  static boolean isWellFormed(String tag) {
    if (tag == null || tag.isBlank()) {
      return false;
    }
    try {
      new Locale.Builder().setLanguageTag(tag);
      return true;
    } catch (IllformedLocaleException e) {
      return false;
    }
  }

  /** The tag in canonical case ({@code pt-br} → {@code pt-BR}). */
  static String canonical(String tag) {
    return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
  }
}
