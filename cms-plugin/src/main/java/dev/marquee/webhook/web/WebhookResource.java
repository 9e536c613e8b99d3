package dev.marquee.webhook.web;

import dev.marquee.api.WebhooksApi;
import dev.marquee.api.model.WebhookMessagePage;
import dev.marquee.api.model.WebhookSubscriptionCreated;
import dev.marquee.api.model.WebhookSubscriptionPage;
import dev.marquee.api.model.WebhookSubscriptionWrite;
import dev.marquee.paging.Page;
import dev.marquee.security.Roles;
import dev.marquee.web.EntityVersions;
import dev.marquee.web.PageLinks;
import dev.marquee.webhook.WebhookMessage;
import dev.marquee.webhook.WebhookSubscription;
import dev.marquee.webhook.WebhookSubscriptions;
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

/** Outbound webhook administration over HTTP: the generated {@link WebhooksApi}. */
@RequestScoped
@Transactional
public class WebhookResource implements WebhooksApi {
  @Inject WebhookSubscriptions subscriptions;
  @Context UriInfo uriInfo;
  @Context SecurityContext security;
  @Context Request request;

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response createWebhookSubscription(WebhookSubscriptionWrite body) {
    WebhookSubscriptions.Created created =
        subscriptions.create(WebhookMapper.toDraft(body), actor());
    WebhookSubscription subscription = created.subscription();
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("webhook-subscriptions/{id}")
                .build(subscription.getId()))
        .tag(EntityVersions.etag(subscription.getVersion()))
        .entity(
            new WebhookSubscriptionCreated()
                .subscription(WebhookMapper.toDto(subscription))
                .secret(created.secret()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response listWebhookSubscriptions(String cursor, Integer limit) {
    Page<WebhookSubscription> page = subscriptions.list(cursor, limit);
    WebhookSubscriptionPage body =
        new WebhookSubscriptionPage()
            .items(page.items().stream().map(WebhookMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response getWebhookSubscription(UUID subscriptionId) {
    WebhookSubscription subscription = subscriptions.get(subscriptionId);
    EntityTag etag = EntityVersions.etag(subscription.getVersion());
    Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
    if (notModified != null) {
      return notModified.build();
    }
    return Response.ok(WebhookMapper.toDto(subscription)).tag(etag).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response updateWebhookSubscription(
      UUID subscriptionId, String ifMatch, WebhookSubscriptionWrite body) {
    OptionalLong expected = EntityVersions.requiredVersion(ifMatch);
    long version = expected.orElseGet(() -> subscriptions.get(subscriptionId).getVersion());
    WebhookSubscription updated =
        subscriptions.update(subscriptionId, version, WebhookMapper.toDraft(body), actor());
    return Response.ok(WebhookMapper.toDto(updated))
        .tag(EntityVersions.etag(updated.getVersion()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response deleteWebhookSubscription(UUID subscriptionId, String ifMatch) {
    OptionalLong expected = EntityVersions.optionalVersion(ifMatch);
    subscriptions.delete(
        subscriptionId, expected.isPresent() ? expected.getAsLong() : null, actor());
    return Response.noContent().build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response sendWebhookTest(UUID subscriptionId) {
    WebhookMessage message = subscriptions.sendTest(subscriptionId, actor());
    return Response.accepted(WebhookMapper.toDto(message)).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response listWebhookMessages(UUID subscriptionId, String cursor, Integer limit) {
    Page<WebhookMessage> page = subscriptions.messages(subscriptionId, cursor, limit);
    WebhookMessagePage body =
        new WebhookMessagePage()
            .items(page.items().stream().map(WebhookMapper::toDto).toList())
            .nextCursor(page.nextCursor());
    return PageLinks.withNext(Response.ok(body), uriInfo, page.nextCursor()).build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response getWebhookMessage(UUID messageId) {
    return Response.ok(
            WebhookMapper.toDto(subscriptions.message(messageId))
                .deliveryAttempts(
                    subscriptions.attempts(messageId).stream().map(WebhookMapper::toDto).toList()))
        .build();
  }

  @Override
  @RolesAllowed(Roles.ADMIN)
  public Response redeliverWebhookMessage(UUID messageId) {
    return Response.accepted(WebhookMapper.toDto(subscriptions.redeliver(messageId, actor())))
        .build();
  }

  private String actor() {
    return security.getUserPrincipal().getName();
  }
}
