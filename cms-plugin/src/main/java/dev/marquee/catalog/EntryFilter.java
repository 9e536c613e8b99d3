package dev.marquee.catalog;

import dev.marquee.tagging.TagRef;
import java.time.Instant;

/**
 * Filters of the entry list; every field is optional except {@code status}.
 *
 * @param text case-insensitive substring of the title or any localized title
 * @param genre a genre, compared lower-case
 * @param tags entries carrying every one of these tags (values compared case-insensitively)
 * @param maturityScheme with {@code maturityValue}: entries with exactly this rating
 * @param maxMinimumAge entries whose rating's minimum age is at most this (unrated entries
 *     excluded)
 * @param updatedSince entries updated at or after this instant
 * @param status ACTIVE when null
 */
public record EntryFilter(
    String text,
    EntryKind kind,
    String genre,
    java.util.List<TagRef> tags,
    String maturityScheme,
    String maturityValue,
    Integer maxMinimumAge,
    Instant updatedSince,
    EntryStatus status) {

  public EntryFilter {
    tags = tags == null ? java.util.List.of() : java.util.List.copyOf(tags);
    text = blankToNull(text);
    genre =
        genre == null || genre.isBlank() ? null : genre.trim().toLowerCase(java.util.Locale.ROOT);
    maturityScheme =
        maturityScheme == null || maturityScheme.isBlank()
            ? null
            : maturityScheme.trim().toUpperCase(java.util.Locale.ROOT);
    maturityValue = blankToNull(maturityValue);
    status = status == null ? EntryStatus.ACTIVE : status;
  }

  /** Active entries, no other filter. */
  public static EntryFilter all() {
    return new EntryFilter(null, null, null, java.util.List.of(), null, null, null, null, null);
  }

  public EntryFilter withText(String t) {
    return new EntryFilter(
        t, kind, genre, tags, maturityScheme, maturityValue, maxMinimumAge, updatedSince, status);
  }

  public EntryFilter withKind(EntryKind k) {
    return new EntryFilter(
        text, k, genre, tags, maturityScheme, maturityValue, maxMinimumAge, updatedSince, status);
  }

  public EntryFilter withGenre(String g) {
    return new EntryFilter(
        text, kind, g, tags, maturityScheme, maturityValue, maxMinimumAge, updatedSince, status);
  }

  public EntryFilter withTag(TagRef t) {
    java.util.List<TagRef> more = new java.util.ArrayList<>(tags);
    more.add(t);
    return new EntryFilter(
        text,
        kind,
        genre,
        more,
        maturityScheme,
        maturityValue,
        maxMinimumAge,
        updatedSince,
        status);
  }

  public EntryFilter withMaturity(String scheme, String value) {
    return new EntryFilter(
        text, kind, genre, tags, scheme, value, maxMinimumAge, updatedSince, status);
  }

  public EntryFilter withMaxMinimumAge(Integer age) {
    return new EntryFilter(
        text, kind, genre, tags, maturityScheme, maturityValue, age, updatedSince, status);
  }

  public EntryFilter withUpdatedSince(Instant since) {
    return new EntryFilter(
        text, kind, genre, tags, maturityScheme, maturityValue, maxMinimumAge, since, status);
  }

  public EntryFilter withStatus(EntryStatus s) {
    return new EntryFilter(
        text, kind, genre, tags, maturityScheme, maturityValue, maxMinimumAge, updatedSince, s);
  }

  /** A stable description of the filters, the input of the cursor fingerprint. */
  String canonical() {
    return String.join(
        "\u0001",
        String.valueOf(text == null ? null : text.toLowerCase(java.util.Locale.ROOT)),
        String.valueOf(kind),
        String.valueOf(genre),
        tags.stream().map(t -> t.kind() + ":" + t.normalizedValue()).sorted().toList().toString(),
        String.valueOf(maturityScheme),
        String.valueOf(
            maturityValue == null ? null : maturityValue.toLowerCase(java.util.Locale.ROOT)),
        String.valueOf(maxMinimumAge),
        String.valueOf(updatedSince),
        String.valueOf(status));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
