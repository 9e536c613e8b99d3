package dev.marquee.render.region.web;

import dev.marquee.api.TaggedRegionsApi;
import dev.marquee.api.model.NormalizedRect;
import dev.marquee.api.model.RegionSuggestionList;
import dev.marquee.api.model.SuggestionAcceptance;
import dev.marquee.api.model.TaggedRegionList;
import dev.marquee.api.model.TaggedRegionWrite;
import dev.marquee.render.region.RegionChange;
import dev.marquee.render.region.RegionRects;
import dev.marquee.render.region.TaggedRegion;
import dev.marquee.render.region.TaggedRegionService;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import dev.marquee.web.HttpProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.UUID;

/** Tagged regions and suggestions over HTTP: the generated {@link TaggedRegionsApi}. */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy associations can still load.
public class TaggedRegionResource implements TaggedRegionsApi {
  @Inject TaggedRegionService regions;
  @Context SecurityContext security;

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listTaggedRegions(UUID imageId) {
    return Response.ok(
            new TaggedRegionList()
                .items(regions.regionsOf(imageId).stream().map(RegionMapper::toDto).toList()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response putTaggedRegion(
      UUID imageId, UUID tagId, TaggedRegionWrite body, String ifMatch) {
    NormalizedRect rect = body.getRect();
    var checked =
        RegionRects.of("rect", rect.getX(), rect.getY(), rect.getWidth(), rect.getHeight());
    var expected = EntityVersions.optionalVersion(ifMatch);
    if (expected.isEmpty()
        && (ifMatch == null || ifMatch.isBlank())
        && regions.find(imageId, tagId).isPresent()) {
      // Creating needs no precondition; replacing someone's region without one could lose it.
      throw HttpProblemException.preconditionRequired();
    }
    RegionChange change = regions.put(imageId, tagId, checked, expected, user());
    TaggedRegion region = change.region();
    return Response.status(change.created() ? Response.Status.CREATED : Response.Status.OK)
        .tag(EntityVersions.etag(region.getVersion()))
        .entity(RegionMapper.toDto(region))
        .build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response deleteTaggedRegion(UUID imageId, UUID tagId, String ifMatch) {
    regions.delete(imageId, tagId, EntityVersions.optionalVersion(ifMatch), user());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed({Roles.EDITOR, Roles.EXPERIMENTER, Roles.PUBLISHER, Roles.ADMIN})
  public Response listRegionSuggestions(UUID imageId) {
    return Response.ok(
            new RegionSuggestionList()
                .items(regions.suggestionsOf(imageId).stream().map(RegionMapper::toDto).toList()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response acceptRegionSuggestion(
      UUID imageId, UUID suggestionId, SuggestionAcceptance body) {
    TaggedRegion region =
        regions.accept(imageId, suggestionId, body.getCastMember(), body.getTagId(), user());
    return Response.status(Response.Status.CREATED)
        .tag(EntityVersions.etag(region.getVersion()))
        .entity(RegionMapper.toDto(region))
        .build();
  }

  @Override
  @RolesAllowed(Roles.EDITOR)
  public Response rejectRegionSuggestion(UUID imageId, UUID suggestionId) {
    return Response.ok(RegionMapper.toDto(regions.reject(imageId, suggestionId, user()))).build();
  }

  private String user() {
    return security.getUserPrincipal().getName();
  }
}
