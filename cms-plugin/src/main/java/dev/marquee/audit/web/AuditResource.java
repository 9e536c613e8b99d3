package dev.marquee.audit.web;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.marquee.api.AuditApi;
import dev.marquee.api.model.AuditEventPage;
import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditEvent;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditQuery;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.paging.Page;
import dev.marquee.security.Roles;
import dev.marquee.web.JsonMapperProvider;
import dev.marquee.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;

/** The queryable audit log: every change to entries and tags, newest first. */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy collections can still load.
public class AuditResource implements AuditApi {
  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

  @Inject AuditLog audit;
  @Context UriInfo uriInfo;

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listAuditEvents(
      String targetType,
      String targetId,
      String actor,
      String action,
      OffsetDateTime since,
      OffsetDateTime until,
      String cursor,
      Integer limit) {
    AuditQuery query =
        new AuditQuery(
            targetType,
            targetId,
            actor,
            action == null ? null : action(action),
            since == null ? null : since.toInstant(),
            until == null ? null : until.toInstant());
    Page<AuditEvent> page = audit.query(query, cursor, limit);
    AuditEventPage body =
        new AuditEventPage()
            .items(page.items().stream().map(AuditResource::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  private static AuditAction action(String name) {
    try {
      return AuditAction.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          new FieldError(
              "action", "unknown action; use one of " + Arrays.toString(AuditAction.values())));
    }
  }

  static dev.marquee.api.model.AuditEvent toDto(AuditEvent event) {
    return new dev.marquee.api.model.AuditEvent()
        .id(event.getId())
        .occurredAt(event.getOccurredAt().atOffset(ZoneOffset.UTC))
        .actor(event.getActor())
        .action(event.getAction().name())
        .targetType(event.getTargetType())
        .targetId(event.getTargetId())
        .summary(event.getSummary())
        .details(details(event.getDetails()));
  }

  private static Map<String, Object> details(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JsonMapperProvider.mapper().readValue(json, DETAILS);
    } catch (IOException e) {
      // Details are written by AuditLog as JSON; an unreadable one is shown raw rather than lost.
      return Map.of("raw", json);
    }
  }
}
