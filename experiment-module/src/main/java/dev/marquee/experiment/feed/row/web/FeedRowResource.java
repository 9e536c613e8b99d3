package dev.marquee.experiment.feed.row.web;

import dev.marquee.api.FeedRowsApi;
import dev.marquee.api.model.FeedRowPage;
import dev.marquee.api.model.FeedRowWrite;
import dev.marquee.experiment.feed.row.FeedRow;
import dev.marquee.experiment.feed.row.FeedRowService;
import dev.marquee.paging.Page;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import dev.marquee.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.OptionalLong;

/** Named feed rows for editors: the generated {@link FeedRowsApi}. */
@RequestScoped
@Transactional
public class FeedRowResource implements FeedRowsApi {
  @Inject FeedRowService rows;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listFeedRows(String cursor, Integer limit) {
    Page<FeedRow> page = rows.list(cursor, limit);
    FeedRowPage body =
        new FeedRowPage()
            .items(page.items().stream().map(FeedRowResource::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response getFeedRow(String rowName) {
    FeedRow row = rows.get(rowName);
    return Response.ok(toDto(row)).tag(EntityVersions.etag(row.getVersion())).build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  public Response putFeedRow(String rowName, FeedRowWrite body, String ifMatch) {
    OptionalLong v = EntityVersions.optionalVersion(ifMatch);
    boolean sent = ifMatch != null && !ifMatch.isBlank();
    FeedRowService.Put put =
        rows.put(
            rowName,
            sent,
            v.isPresent() ? v.getAsLong() : null,
            body.getTitle(),
            new ArrayList<>(body.getEntryIds()),
            security.getUserPrincipal().getName());
    Response.ResponseBuilder answer =
        put.created()
            ? Response.created(uriInfo.getBaseUriBuilder().path("feed-rows/{name}").build(rowName))
            : Response.ok();
    return answer.entity(toDto(put.row())).tag(EntityVersions.etag(put.row().getVersion())).build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  public Response deleteFeedRow(String rowName, String ifMatch) {
    OptionalLong v = EntityVersions.optionalVersion(ifMatch);
    rows.delete(
        rowName, v.isPresent() ? v.getAsLong() : null, security.getUserPrincipal().getName());
    return Response.noContent().build();
  }

  static dev.marquee.api.model.FeedRow toDto(FeedRow row) {
    return new dev.marquee.api.model.FeedRow()
        .name(row.getName())
        .title(row.getTitle())
        .entryIds(row.getEntryIds())
        .version(row.getVersion())
        .updatedAt(row.getUpdatedAt().atOffset(ZoneOffset.UTC))
        .updatedBy(row.getUpdatedBy());
  }
}
