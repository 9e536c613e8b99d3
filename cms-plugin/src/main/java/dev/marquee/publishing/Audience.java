package dev.marquee.publishing;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import java.util.UUID;

/**
 * Whom a published artwork is for: every viewer ({@link #ALL}, the default artwork) or one audience
 * group. Stored and addressed by its {@link #key()}: {@code all} or the group id.
 *
 * @param groupId the audience group, or null for all viewers
 */
public record Audience(UUID groupId) {
  public static final String ALL_KEY = "all";
  public static final Audience ALL = new Audience(null);

  public static Audience of(UUID groupId) {
    return groupId == null ? ALL : new Audience(groupId);
  }

  /**
   * Parses a key as sent by clients.
   *
   * @param field the parameter name for the 400's field error
   */
  public static Audience parse(String key, String field) {
    if (key == null || ALL_KEY.equals(key)) {
      return ALL;
    }
    try {
      return new Audience(UUID.fromString(key));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          new FieldError(field, "must be '" + ALL_KEY + "' or an audience group id"));
    }
  }

  public boolean isAll() {
    return groupId == null;
  }

  public String key() {
    return groupId == null ? ALL_KEY : groupId.toString();
  }
}
