package dev.marquee.delivery.access.web;

import dev.marquee.api.DeliveryAppsApi;
import dev.marquee.api.model.DeliveryApiKeyIssue;
import dev.marquee.api.model.DeliveryApiKeyList;
import dev.marquee.api.model.DeliveryAppPage;
import dev.marquee.api.model.DeliveryAppWrite;
import dev.marquee.delivery.access.DeliveryApp;
import dev.marquee.delivery.access.DeliveryAppService;
import dev.marquee.delivery.access.IssuedKey;
import dev.marquee.paging.Page;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import dev.marquee.web.PageLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

/** Delivery apps and their API keys over HTTP, for administrators. */
@RequestScoped
@Transactional // DTOs are mapped inside the transaction, while lazy collections can still load.
public class DeliveryAppResource implements DeliveryAppsApi {
  @Inject DeliveryAppService apps;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response createDeliveryApp(DeliveryAppWrite body) {
    DeliveryApp app = apps.create(DeliveryAppMapper.toDraft(body), actor());
    return Response.created(
            uriInfo.getBaseUriBuilder().path("delivery-apps/{id}").build(app.getId()))
        .tag(EntityVersions.etag(app.getVersion()))
        .entity(DeliveryAppMapper.toDto(app))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response listDeliveryApps(String cursor, Integer limit) {
    Page<DeliveryApp> page = apps.list(cursor, limit);
    DeliveryAppPage body =
        new DeliveryAppPage()
            .items(page.items().stream().map(DeliveryAppMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response getDeliveryApp(UUID appId) {
    DeliveryApp app = apps.get(appId);
    EntityTag etag = EntityVersions.etag(app.getVersion());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(DeliveryAppMapper.toDto(app)).tag(etag).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response updateDeliveryApp(UUID appId, String ifMatch, DeliveryAppWrite body) {
    OptionalLong expected = EntityVersions.requiredVersion(ifMatch);
    DeliveryApp app =
        apps.update(
            appId,
            expected.isPresent() ? expected.getAsLong() : null,
            DeliveryAppMapper.toDraft(body),
            actor());
    return Response.ok(DeliveryAppMapper.toDto(app))
        .tag(EntityVersions.etag(app.getVersion()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response deleteDeliveryApp(UUID appId, String ifMatch) {
    OptionalLong expected = EntityVersions.optionalVersion(ifMatch);
    apps.delete(appId, expected.isPresent() ? expected.getAsLong() : null, actor());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response issueDeliveryApiKey(UUID appId, DeliveryApiKeyIssue body) {
    IssuedKey issued =
        apps.issueKey(
            appId,
            body.getLabel(),
            body.getExpiresAt() == null ? null : body.getExpiresAt().toInstant(),
            actor());
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("delivery-apps/{id}/keys/{keyId}")
                .build(appId, issued.stored().getKeyId()))
        .cacheControl(noStore)
        .entity(DeliveryAppMapper.toDto(issued, Instant.now()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response listDeliveryApiKeys(UUID appId) {
    Instant now = Instant.now();
    return Response.ok(
            new DeliveryApiKeyList()
                .items(
                    apps.keys(appId).stream().map(k -> DeliveryAppMapper.toDto(k, now)).toList()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response revokeDeliveryApiKey(UUID appId, String keyId) {
    apps.revokeKey(appId, keyId, actor());
    return Response.noContent().build();
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
