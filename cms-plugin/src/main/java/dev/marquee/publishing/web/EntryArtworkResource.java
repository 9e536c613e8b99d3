package dev.marquee.publishing.web;

import dev.marquee.api.EntryArtworkApi;
import dev.marquee.api.model.ArtworkRollback;
import dev.marquee.api.model.ArtworkVersionList;
import dev.marquee.api.model.ArtworkVersionPage;
import dev.marquee.paging.Page;
import dev.marquee.publishing.ArtworkService;
import dev.marquee.publishing.ArtworkVersion;
import dev.marquee.publishing.Audience;
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
import java.util.OptionalLong;
import java.util.UUID;

/**
 * An entry's published artwork over HTTP: the generated {@link EntryArtworkApi}. The ETag of
 * (entry, audience) is its current version number.
 */
@RequestScoped
@Transactional
public class EntryArtworkResource implements EntryArtworkApi {
  @Inject ArtworkService artwork;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response listEntryArtwork(UUID entryId) {
    return Response.ok(
            new ArtworkVersionList()
                .items(
                    artwork.currentOfEntry(entryId).stream().map(PromotionMapper::toDto).toList()))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response getEntryArtwork(UUID entryId, String audience) {
    ArtworkVersion v = artwork.current(entryId, Audience.parse(audience, "audience"));
    EntityTag etag = EntityVersions.etag(v.getNumber());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(PromotionMapper.toDto(v)).tag(etag).build();
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response listEntryArtworkVersions(
      UUID entryId, String audience, String cursor, Integer limit) {
    Page<ArtworkVersion> page =
        artwork.history(entryId, Audience.parse(audience, "audience"), cursor, limit);
    ArtworkVersionPage body =
        new ArtworkVersionPage()
            .items(page.items().stream().map(PromotionMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed(Roles.PUBLISHER)
  public Response rollBackEntryArtwork(
      UUID entryId, String audience, String ifMatch, ArtworkRollback body) {
    OptionalLong expected = EntityVersions.requiredVersion(ifMatch);
    ArtworkVersion v =
        artwork.rollBack(
            entryId,
            Audience.parse(audience, "audience"),
            expected.isPresent() ? Math.toIntExact(expected.getAsLong()) : null,
            body.getToVersion(),
            body.getReason(),
            security.getUserPrincipal().getName());
    return Response.ok(PromotionMapper.toDto(v)).tag(EntityVersions.etag(v.getNumber())).build();
  }
}
