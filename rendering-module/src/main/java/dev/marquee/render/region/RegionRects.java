package dev.marquee.render.region;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.render.engine.NormalizedRect;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a rectangle as a client sent it, reporting every broken rule on its field ({@code
 * rect.x}…) instead of the engine's single message.
 */
public final class RegionRects {
  private static final double EPSILON = 1e-9;

  private RegionRects() {}

  /**
   * @param field the rectangle's field name in the request, e.g. {@code rect}
   * @throws InvalidInputException naming each offending coordinate
   */
  public static NormalizedRect of(String field, Double x, Double y, Double width, Double height) {
    List<FieldError> errors = new ArrayList<>();
    origin(errors, field + ".x", x);
    origin(errors, field + ".y", y);
    extent(errors, field + ".width", width, x, "x");
    extent(errors, field + ".height", height, y, "y");
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid",
          errors);
    }
    return new NormalizedRect(x, y, width, height);
  }

  private static void origin(List<FieldError> errors, String field, Double value) {
    if (value == null) {
      errors.add(new FieldError(field, "is required"));
    } else if (!(value >= 0 && value <= 1)) {
      errors.add(new FieldError(field, "must be between 0 and 1"));
    }
  }

  private static void extent(
      List<FieldError> errors, String field, Double size, Double start, String startName) {
    if (size == null) {
      errors.add(new FieldError(field, "is required"));
    } else if (!(size > 0 && size <= 1)) {
      errors.add(new FieldError(field, "must be greater than 0 and at most 1"));
    } else if (start != null && start >= 0 && start + size > 1 + EPSILON) {
      errors.add(
          new FieldError(
              field,
              startName
                  + " + "
                  + field.substring(field.indexOf('.') + 1)
                  + " must not exceed 1 (the region must lie inside the image)"));
    }
  }
}
