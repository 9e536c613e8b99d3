package dev.marquee.delivery.access.web;

import dev.marquee.api.DeliveryIdentityApi;
import dev.marquee.delivery.access.AuthenticatedApp;
import dev.marquee.delivery.access.DeliveryCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /delivery/whoami}: the app the API key belongs to. {@code @PermitAll} for user roles;
 * {@link ApiKeyAuthenticationFilter} has already required a valid key.
 */
@RequestScoped
public class DeliveryCallerResource implements DeliveryIdentityApi {
  @Inject DeliveryCaller caller;

  @Override
  @PermitAll
  public Response getDeliveryCaller() {
    AuthenticatedApp app = caller.app();
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(
            new dev.marquee.api.model.DeliveryCaller()
                .appId(app.appId())
                .appName(app.name())
                .keyId(app.keyId()))
        .cacheControl(noStore)
        .build();
  }
}
