package dev.marquee.errors;

import java.util.Objects;

/**
 * One problem with one input field.
 *
 * @param field the field's path as the client sent it, e.g. {@code title} or {@code cast[2].person}
 * @param message what is wrong, phrased for the person who has to fix the input
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
