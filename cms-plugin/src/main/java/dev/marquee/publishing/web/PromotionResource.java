package dev.marquee.publishing.web;

import dev.marquee.api.PromotionsApi;
import dev.marquee.api.model.PromotionPage;
import dev.marquee.api.model.PromotionReview;
import dev.marquee.api.model.PromotionWrite;
import dev.marquee.paging.Page;
import dev.marquee.publishing.Audience;
import dev.marquee.publishing.Promotion;
import dev.marquee.publishing.PromotionFilter;
import dev.marquee.publishing.PromotionService;
import dev.marquee.publishing.PromotionState;
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

/** Promotions over HTTP: the generated {@link PromotionsApi}. */
@RequestScoped
@Transactional
public class PromotionResource implements PromotionsApi {
  @Inject PromotionService promotions;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response listPromotions(
      UUID entryId,
      String audience,
      dev.marquee.api.model.PromotionState state,
      UUID experimentId,
      String cursor,
      Integer limit) {
    PromotionFilter filter =
        new PromotionFilter(
            entryId,
            audience == null ? null : Audience.parse(audience, "audience"),
            state == null ? null : PromotionState.valueOf(state.name()),
            experimentId);
    Page<Promotion> page = promotions.list(filter, cursor, limit);
    PromotionPage body =
        new PromotionPage()
            .items(page.items().stream().map(PromotionMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.PUBLISHER})
  public Response proposePromotion(PromotionWrite body) {
    Promotion p = promotions.propose(PromotionMapper.toDraft(body), actor());
    return Response.created(uriInfo.getBaseUriBuilder().path("promotions/{id}").build(p.getId()))
        .tag(EntityVersions.etag(p.getVersion()))
        .entity(PromotionMapper.toDto(p))
        .build();
  }

  @Override
  @RolesAllowed({Roles.EXPERIMENTER, Roles.EDITOR, Roles.PUBLISHER, Roles.ADMIN})
  public Response getPromotion(UUID promotionId) {
    Promotion p = promotions.get(promotionId);
    EntityTag etag = EntityVersions.etag(p.getVersion());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(PromotionMapper.toDto(p)).tag(etag).build();
  }

  @Override
  @RolesAllowed(Roles.PUBLISHER)
  public Response approvePromotion(UUID promotionId, String ifMatch, PromotionReview body) {
    return withEntity(promotions.approve(promotionId, required(ifMatch), comment(body), actor()));
  }

  @Override
  @RolesAllowed(Roles.PUBLISHER)
  public Response rejectPromotion(UUID promotionId, String ifMatch, PromotionReview body) {
    return withEntity(promotions.reject(promotionId, required(ifMatch), comment(body), actor()));
  }

  @Override
  @RolesAllowed(Roles.PUBLISHER)
  public Response publishPromotion(UUID promotionId, String ifMatch, PromotionReview body) {
    return withEntity(promotions.publish(promotionId, required(ifMatch), comment(body), actor()));
  }

  private Response withEntity(Promotion p) {
    return Response.ok(PromotionMapper.toDto(p)).tag(EntityVersions.etag(p.getVersion())).build();
  }

  private static String comment(PromotionReview body) {
    return body == null ? null : body.getComment();
  }

  /** The version If-Match names (428 when missing), or null for {@code *}. */
  private static Long required(String ifMatch) {
    OptionalLong v = EntityVersions.requiredVersion(ifMatch);
    return v.isPresent() ? v.getAsLong() : null;
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
