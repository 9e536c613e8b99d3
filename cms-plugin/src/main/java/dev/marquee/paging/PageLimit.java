package dev.marquee.paging;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;

/** The page-size rule every list shares: 1..200, 50 when not given. */
public final class PageLimit {
  public static final int DEFAULT = 50;
  public static final int MAX = 200;

  private PageLimit() {}

  /** The effective limit, or {@link InvalidInputException} on field {@code limit}. */
  public static int of(Integer requested) {
    if (requested == null) {
      return DEFAULT;
    }
    if (requested < 1 || requested > MAX) {
      throw new InvalidInputException(
          new FieldError("limit", "must be between 1 and " + MAX + " (default " + DEFAULT + ")"));
    }
    return requested;
  }
}
