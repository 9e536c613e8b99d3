package dev.marquee.render.variant;

import dev.marquee.catalog.CatalogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The overlay texts an entry provides: {@code title}, localised by a language preference (an
 * explicit BCP 47 tag, else an {@code Accept-Language} list) with RFC 4647 lookup among the entry's
 * localised titles, falling back to the entry's title.
 */
public final class EntryTexts {
  public static final String TITLE = "title";

  private EntryTexts() {}

  /**
   * @param locale an explicit language tag, or null
   * @param acceptLanguage an {@code Accept-Language} header value, or null
   * @throws IllegalArgumentException if {@code locale} or {@code acceptLanguage} is malformed
   */
  public static Map<String, String> of(CatalogEntry entry, String locale, String acceptLanguage) {
    Map<String, String> texts = new HashMap<>();
    texts.put(TITLE, title(entry, locale, acceptLanguage));
    return texts;
  }

  static String title(CatalogEntry entry, String locale, String acceptLanguage) {
    Map<String, String> localized = entry.getLocalizedTitles();
    String preference = locale != null ? locale : acceptLanguage;
    if (preference == null || preference.isBlank() || localized.isEmpty()) {
      return entry.getTitle();
    }
    List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(preference);
    Map<String, String> byLowerTag = new HashMap<>();
    List<String> tags = new ArrayList<>();
    localized.forEach(
        (tag, title) -> {
          byLowerTag.put(tag.toLowerCase(Locale.ROOT), title);
          tags.add(tag.toLowerCase(Locale.ROOT));
        });
    String match = Locale.lookupTag(ranges, tags);
    return match == null ? entry.getTitle() : byLowerTag.get(match.toLowerCase(Locale.ROOT));
  }
}
