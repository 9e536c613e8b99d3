package dev.marquee.experiment.audience.web;

import dev.marquee.api.AudienceGroupsApi;
import dev.marquee.api.model.AudienceGroupOrder;
import dev.marquee.api.model.AudienceGroupPage;
import dev.marquee.api.model.AudienceGroupWrite;
import dev.marquee.api.model.ViewerContext;
import dev.marquee.experiment.audience.AudienceGroup;
import dev.marquee.experiment.audience.AudienceService;
import dev.marquee.paging.Page;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import dev.marquee.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Audience groups over HTTP: the generated {@link AudienceGroupsApi}. */
@RequestScoped
@Transactional
public class AudienceGroupResource implements AudienceGroupsApi {
  @Inject AudienceService audiences;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response listAudienceGroups(String cursor, Integer limit) {
    Page<AudienceGroup> page = audiences.list(cursor, limit);
    AudienceGroupPage body =
        new AudienceGroupPage()
            .items(page.items().stream().map(AudienceMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor())
        .tag(EntityVersions.etag(audiences.orderVersion()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response createAudienceGroup(AudienceGroupWrite body) {
    AudienceGroup group = audiences.create(AudienceMapper.toDraft(body), actor());
    return Response.created(
            uriInfo.getBaseUriBuilder().path("audience-groups/{id}").build(group.getId()))
        .tag(EntityVersions.etag(group.getVersion()))
        .entity(AudienceMapper.toDto(group))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response getAudienceGroup(UUID groupId) {
    AudienceGroup group = audiences.get(groupId);
    EntityTag etag = EntityVersions.etag(group.getVersion());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(AudienceMapper.toDto(group)).tag(etag).build();
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response updateAudienceGroup(UUID groupId, String ifMatch, AudienceGroupWrite body) {
    Long expected = version(EntityVersions.requiredVersion(ifMatch));
    AudienceGroup group =
        audiences.update(groupId, expected, AudienceMapper.toDraft(body), actor());
    return Response.ok(AudienceMapper.toDto(group))
        .tag(EntityVersions.etag(group.getVersion()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response deleteAudienceGroup(UUID groupId, String ifMatch) {
    audiences.delete(groupId, version(EntityVersions.optionalVersion(ifMatch)), actor());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed(Roles.EXPERIMENTER)
  public Response reorderAudienceGroups(String ifMatch, AudienceGroupOrder body) {
    Long expected = version(EntityVersions.requiredVersion(ifMatch));
    List<AudienceGroup> ordered = audiences.reorder(expected, body.getGroupIds(), actor());
    return Response.ok(
            new AudienceGroupPage().items(ordered.stream().map(AudienceMapper::toDto).toList()))
        .tag(EntityVersions.etag(audiences.orderVersion()))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response resolveAudienceGroup(ViewerContext body) {
    return Response.ok(AudienceMapper.toDto(audiences.explain(AudienceMapper.toContext(body))))
        .build();
  }

  private static Long version(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
