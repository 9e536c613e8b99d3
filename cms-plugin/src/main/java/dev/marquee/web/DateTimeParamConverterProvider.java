package dev.marquee.web;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads RFC 3339 date-times ({@code updatedSince}, {@code since}…) and full dates ({@code from},
 * {@code to}) in query parameters, which JAX-RS cannot convert on its own; a malformed one is a 400
 * naming the parameter.
 */
@Provider
public class DateTimeParamConverterProvider implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType == LocalDate.class) {
      return (ParamConverter<T>) dates(parameterName(annotations));
    }
    if (rawType != OffsetDateTime.class) {
      return null;
    }
    String name = parameterName(annotations);
    return (ParamConverter<T>)
        new ParamConverter<OffsetDateTime>() {
          @Override
          public OffsetDateTime fromString(String value) {
            if (value == null) {
              return null;
            }
            try {
              return OffsetDateTime.parse(value.trim());
            } catch (DateTimeParseException e) {
              throw new InvalidInputException(
                  new FieldError(
                      name,
                      "'" + value + "' is not an RFC 3339 date-time, e.g. 2026-01-31T12:00:00Z"));
            }
          }

          @Override
          public String toString(OffsetDateTime value) {
            return value == null ? null : value.toString();
          }
        };
  }

  private static ParamConverter<LocalDate> dates(String name) {
    return new ParamConverter<>() {
      @Override
      public LocalDate fromString(String value) {
        if (value == null) {
          return null;
        }
        try {
          return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
          throw new InvalidInputException(
              new FieldError(
                  name, "'" + value + "' is not an RFC 3339 full-date, e.g. 2026-01-31"));
        }
      }

      @Override
      public String toString(LocalDate value) {
        return value == null ? null : value.toString();
      }
    };
  }

  private static String parameterName(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof jakarta.ws.rs.QueryParam q) {
        return q.value();
      }
      if (a instanceof jakarta.ws.rs.HeaderParam h) {
        return h.value();
      }
    }
    return "parameter";
  }
}
