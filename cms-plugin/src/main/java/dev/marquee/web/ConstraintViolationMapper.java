package dev.marquee.web;

import dev.marquee.errors.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 400 for Jakarta Validation failures on request DTOs and parameters, with field paths as the
 * client knows them ({@code cast[2].person}, not {@code createEntry.arg0.cast[2].person}).
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(clientPath(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList();
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return ProblemResponses.of(Problem.validation(detail, errors).at(RequestPaths.of(uriInfo)));
  }

  static String clientPath(ConstraintViolation<?> violation) {
    List<Path.Node> nodes = new ArrayList<>();
    violation.getPropertyPath().forEach(nodes::add);
    int first = 0;
    String parameter = null;
    for (int i = 0; i < nodes.size(); i++) {
      ElementKind kind = nodes.get(i).getKind();
      if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
        first = i + 1;
      } else if (kind == ElementKind.PARAMETER) {
        parameter = nodes.get(i).getName();
        first = i + 1;
        break;
      } else {
        break;
      }
    }
    StringBuilder path = new StringBuilder();
    for (Path.Node node : nodes.subList(first, nodes.size())) {
      if (node.isInIterable()) {
        path.append('[')
            .append(node.getIndex() != null ? node.getIndex() : node.getKey())
            .append(']');
      }
      if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
        continue;
      }
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(node.getName());
    }
    if (path.length() > 0) {
      return path.toString();
    }
    // A violated body parameter itself (e.g. a missing body) has no field path of its own.
    return parameter == null ? "body" : parameter;
  }
}
