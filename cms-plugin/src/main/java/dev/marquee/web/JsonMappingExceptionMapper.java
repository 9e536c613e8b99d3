package dev.marquee.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.marquee.errors.FieldError;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 400 for request bodies Jackson cannot read: malformed JSON, wrong types, unknown properties and
 * unknown enum values, naming the field and, for enums, the accepted values. Jackson's own messages
 * quote Java class names, so they are rewritten rather than passed through.
 */
@Provider
public class JsonMappingExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(JsonProcessingException e) {
    return ProblemResponses.of(problemFor(e).at(RequestPaths.of(uriInfo)));
  }

  static Problem problemFor(JsonProcessingException e) {
    if (e instanceof JsonParseException parse) {
      return Problem.of(
          400,
          "malformed-json",
          "Malformed JSON",
          "The request body is not valid JSON (line "
              + parse.getLocation().getLineNr()
              + ", column "
              + parse.getLocation().getColumnNr()
              + ").");
    }
    if (!(e instanceof JsonMappingException mapping)) {
      return Problem.of(
          400, "malformed-json", "Malformed JSON", "The request body is not valid JSON.");
    }
    String field = fieldPath(mapping);
    String message;
    if (mapping instanceof UnrecognizedPropertyException unknown) {
      field = field.isEmpty() ? unknown.getPropertyName() : field;
      message = "unknown property";
    } else if (mapping instanceof InvalidFormatException invalid
        && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      message =
          "'"
              + invalid.getValue()
              + "' is not one of "
              + Arrays.stream(invalid.getTargetType().getEnumConstants())
                  .map(Object::toString)
                  .collect(Collectors.joining(", "));
    } else if (mapping instanceof ValueInstantiationException instantiation
        && instantiation.getType() != null
        && instantiation.getType().isEnumType()) {
      // Generated enums validate in a @JsonCreator, which Jackson reports as an instantiation
      // error.
      message =
          "is not one of "
              + Arrays.stream(instantiation.getType().getRawClass().getEnumConstants())
                  .map(Object::toString)
                  .collect(Collectors.joining(", "));
    } else if (mapping instanceof InvalidFormatException invalid) {
      message = "'" + invalid.getValue() + "' is not a valid " + typeName(invalid.getTargetType());
    } else if (mapping instanceof MismatchedInputException mismatched
        && mismatched.getTargetType() != null) {
      message =
          field.isEmpty()
              ? "the request body is empty or not a JSON " + typeName(mismatched.getTargetType())
              : "expected a " + typeName(mismatched.getTargetType());
    } else {
      message = "cannot be read";
    }
    String name = field.isEmpty() ? "body" : field;
    return Problem.validation(name + ": " + message, List.of(new FieldError(name, message)));
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (type == String.class || type.isEnum()) {
      return "string";
    }
    if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "date-time (RFC 3339)";
    }
    if (type == java.util.UUID.class) {
      return "UUID";
    }
    return "object";
  }
}
