package dev.marquee.tagging;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A tag named by kind and value, as clients write it: {@code KIND:value}, e.g. {@code CAST:Uma
 * Thurman}. Values compare case-insensitively through {@link #normalizedValue()}.
 */
public record TagRef(TagKind kind, String value) {
  public static final int MAX_VALUE_LENGTH = 200;

  public TagRef {
    value = value == null ? null : value.trim();
  }

  /** The value as stored in the unique, case-insensitive column. */
  public String normalizedValue() {
    return normalize(value);
  }

  static String normalize(String value) {
    return value.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code KIND:value} (kind case-insensitive).
   *
   * @param field the field to blame in the {@link InvalidInputException}
   */
  public static TagRef parse(String text, String field) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new InvalidInputException(
          new FieldError(field, "must be KIND:value, e.g. CAST:Uma Thurman"));
    }
    TagKind kind = kind(text.substring(0, colon), field);
    TagRef ref = new TagRef(kind, text.substring(colon + 1));
    ref.check(field);
    return ref;
  }

  /** Parses a tag kind name (case-insensitive) or throws on {@code field}. */
  public static TagKind kind(String name, String field) {
    try {
      return TagKind.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(
          new FieldError(
              field, "unknown tag kind; use one of " + Arrays.toString(TagKind.values())));
    }
  }

  /**
   * Throws {@link InvalidInputException} on {@code field} unless the value is 1..200 characters.
   */
  public TagRef check(String field) {
    if (kind == null) {
      throw new InvalidInputException(new FieldError(field, "tag kind is required"));
    }
    if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
      throw new InvalidInputException(
          new FieldError(field, "tag value must be 1.." + MAX_VALUE_LENGTH + " characters"));
    }
    return this;
  }

  @Override
  public String toString() {
    return kind + ":" + value;
  }
}
