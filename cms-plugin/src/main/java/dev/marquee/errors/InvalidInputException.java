package dev.marquee.errors;

import java.util.List;

/** The input breaks one or more documented rules; nothing was changed. */
public class InvalidInputException extends RuntimeException {
  private final List<FieldError> errors;

  public InvalidInputException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(FieldError error) {
    this(error.field() + ": " + error.message(), List.of(error));
  }

  /** The individual problems, in the order they were found. */
  public List<FieldError> errors() {
    return errors;
  }
}
