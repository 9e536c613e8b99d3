package dev.marquee.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a client (REST API, import row, webhook) wants a catalog entry to look like. Validate with
 * {@link EntryDraftValidator}; all fields except {@code externalId}, {@code kind} and {@code title}
 * are optional.
 *
 * @param parentExternalId external id of the parent entry (seasons, episodes), or null
 */
public record EntryDraft(
    String externalId,
    EntryKind kind,
    String parentExternalId,
    String title,
    Map<String, String> localizedTitles,
    String synopsis,
    List<String> genres,
    MaturityRating maturity,
    Integer releaseYear,
    List<CastMember> cast) {

  public EntryDraft {
    localizedTitles = localizedTitles == null ? Map.of() : localizedTitles;
    genres = genres == null ? List.of() : genres;
    cast = cast == null ? List.of() : cast;
  }

  /** A draft with only the required fields, for tests and simple callers. */
  public static EntryDraft of(String externalId, EntryKind kind, String title) {
    return new EntryDraft(externalId, kind, null, title, null, null, null, null, null, null);
  }

  public EntryDraft withParent(String parent) {
    return new EntryDraft(
        externalId,
        kind,
        parent,
        title,
        localizedTitles,
        synopsis,
        genres,
        maturity,
        releaseYear,
        cast);
  }

  public EntryDraft withTitle(String newTitle) {
    return new EntryDraft(
        externalId,
        kind,
        parentExternalId,
        newTitle,
        localizedTitles,
        synopsis,
        genres,
        maturity,
        releaseYear,
        cast);
  }

  /**
   * The canonical form stored: strings trimmed, blanks as null, genres lower-case without
   * duplicates, language tags in BCP-47 canonical case, maturity scheme upper-case. Call only on a
   * valid draft.
   */
  public EntryDraft normalized() {
    Map<String, String> titles = new LinkedHashMap<>();
    localizedTitles.forEach(
        (tag, t) -> titles.put(Locale.forLanguageTag(tag.trim()).toLanguageTag(), t.trim()));
    LinkedHashSet<String> genreSet = new LinkedHashSet<>();
    genres.forEach(g -> genreSet.add(g.trim().toLowerCase(Locale.ROOT)));
    List<CastMember> castList = new ArrayList<>();
    cast.forEach(c -> castList.add(c.normalized()));
    return new EntryDraft(
        externalId.trim(),
        kind,
        blankToNull(parentExternalId),
        title.trim(),
        titles,
        blankToNull(synopsis),
        List.copyOf(genreSet),
        maturity == null ? null : maturity.normalized(),
        releaseYear,
        castList);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
