package dev.marquee.catalog;

import dev.marquee.errors.FieldError;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place where the rules for a catalog entry's fields live; used by the API, the bulk import
 * and the webhook alike. Pure: checks what can be checked without the database (parent existence
 * and kind are the service's job).
 */
public final class EntryDraftValidator {
  /**
   * Allowed external ids: a letter or digit, then up to 199 of letters, digits and {@code ._:/-}.
   */
  public static final Pattern EXTERNAL_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$");

  public static final int MIN_RELEASE_YEAR = 1870;
  public static final int MAX_RELEASE_YEAR = 2100;

  private EntryDraftValidator() {}

  /** All problems of {@code draft}, in field order; empty when it is valid. */
  public static List<FieldError> validate(EntryDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    if (draft.externalId() == null || draft.externalId().isBlank()) {
      errors.add(new FieldError("externalId", "is required"));
    } else if (!EXTERNAL_ID.matcher(draft.externalId()).matches()) {
      errors.add(
          new FieldError(
              "externalId",
              "must start with a letter or digit and contain only letters, digits and ._:/- (at most 200 characters)"));
    }
    if (draft.kind() == null) {
      errors.add(new FieldError("kind", "is required (MOVIE, SERIES, SEASON or EPISODE)"));
    }
    String parent = draft.parentExternalId();
    if (parent != null && !parent.isBlank()) {
      if (draft.kind() == EntryKind.MOVIE || draft.kind() == EntryKind.SERIES) {
        errors.add(
            new FieldError("parentExternalId", "a " + draft.kind() + " cannot have a parent"));
      } else if (!EXTERNAL_ID.matcher(parent.trim()).matches()) {
        errors.add(new FieldError("parentExternalId", "is not a valid external id"));
      } else if (draft.externalId() != null && parent.trim().equals(draft.externalId().trim())) {
        errors.add(new FieldError("parentExternalId", "an entry cannot be its own parent"));
      }
    }
    text(errors, "title", draft.title(), 1, 500, true);
    localizedTitles(errors, draft.localizedTitles());
    text(errors, "synopsis", draft.synopsis(), 0, 4000, false);
    genres(errors, draft.genres());
    maturity(errors, draft.maturity());
    Integer year = draft.releaseYear();
    if (year != null && (year < MIN_RELEASE_YEAR || year > MAX_RELEASE_YEAR)) {
      errors.add(
          new FieldError(
              "releaseYear", "must be between " + MIN_RELEASE_YEAR + " and " + MAX_RELEASE_YEAR));
    }
    cast(errors, draft.cast());
    return errors;
  }

  private static void localizedTitles(List<FieldError> errors, Map<String, String> titles) {
    if (titles.size() > 50) {
      errors.add(new FieldError("localizedTitles", "at most 50 languages"));
      return;
    }
    for (Map.Entry<String, String> e : titles.entrySet()) {
      String tag = e.getKey();
      String path = "localizedTitles." + tag;
      if (!isLanguageTag(tag)) {
        errors.add(new FieldError(path, "is not a BCP-47 language tag (e.g. de, pt-BR)"));
      }
      text(errors, path, e.getValue(), 1, 500, true);
    }
  }

  static boolean isLanguageTag(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 35) {
      return false;
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag.trim()).build();
      return !locale.getLanguage().isEmpty();
    } catch (IllformedLocaleException e) {
      return false;
    }
  }

  private static void genres(List<FieldError> errors, List<String> genres) {
    if (genres.size() > 20) {
      errors.add(new FieldError("genres", "at most 20 genres"));
      return;
    }
    for (int i = 0; i < genres.size(); i++) {
      text(errors, "genres[" + i + "]", genres.get(i), 1, 50, true);
    }
  }

  private static void maturity(List<FieldError> errors, MaturityRating maturity) {
    if (maturity == null) {
      return;
    }
    text(errors, "maturityRating.scheme", maturity.scheme(), 1, 32, true);
    text(errors, "maturityRating.value", maturity.value(), 1, 32, true);
    Integer age = maturity.minimumAge();
    if (age != null && (age < 0 || age > 21)) {
      errors.add(new FieldError("maturityRating.minimumAge", "must be between 0 and 21"));
    }
  }

  private static void cast(List<FieldError> errors, List<CastMember> cast) {
    if (cast.size() > 200) {
      errors.add(new FieldError("cast", "at most 200 cast members"));
      return;
    }
    for (int i = 0; i < cast.size(); i++) {
      CastMember member = cast.get(i);
      String path = "cast[" + i + "]";
      if (member == null) {
        errors.add(new FieldError(path, "is required"));
        continue;
      }
      text(errors, path + ".person", member.person(), 1, 200, true);
      text(errors, path + ".character", member.character(), 0, 200, false);
      text(errors, path + ".role", member.role(), 0, 50, false);
    }
  }

  private static void text(
      List<FieldError> errors, String field, String value, int min, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return;
    }
    int length = value.trim().length();
    if (length < min || length > max) {
      errors.add(new FieldError(field, "must be " + min + ".." + max + " characters"));
    }
  }
}
