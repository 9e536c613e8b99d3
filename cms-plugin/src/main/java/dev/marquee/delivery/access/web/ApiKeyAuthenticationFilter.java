package dev.marquee.delivery.access.web;

import dev.marquee.delivery.access.ApiKeyHeaders;
import dev.marquee.delivery.access.AuthenticatedApp;
import dev.marquee.delivery.access.DeliveryCaller;
import dev.marquee.delivery.access.DeliveryKeyVerifier;
import dev.marquee.web.Problem;
import dev.marquee.web.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Every request under {@code /api/v1/delivery} needs a delivery API key (and no user login: the
 * path has no auth-constraint in web.xml). Runs before resource matching, so unknown delivery paths
 * answer 401 too rather than revealing which paths exist. Every rejection is the same 401 problem
 * with {@code WWW-Authenticate: ApiKey}; on success the app is in {@link DeliveryCaller} and in the
 * request property {@link #APP_PROPERTY}. Delivery resources are {@code @PermitAll} for {@link
 * dev.marquee.security.RoleCheckFilter}, which knows only user roles.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyAuthenticationFilter implements ContainerRequestFilter {
  /** Request property holding the {@link AuthenticatedApp}. */
  public static final String APP_PROPERTY = AuthenticatedApp.class.getName();

  static final String CHALLENGE = ApiKeyHeaders.SCHEME + " realm=\"marquee-delivery\"";

  @Inject DeliveryKeyVerifier verifier;
  @Inject DeliveryCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!DeliveryPaths.isDelivery(request.getUriInfo().getPath())) {
      return;
    }
    String candidate =
        ApiKeyHeaders.candidate(
            request.getHeaders().get(HttpHeaders.AUTHORIZATION),
            request.getHeaders().get(ApiKeyHeaders.X_API_KEY));
    Optional<AuthenticatedApp> app = verifier.verify(candidate);
    if (app.isEmpty()) {
      request.abortWith(
          Response.fromResponse(
                  ProblemResponses.of(
                      Problem.invalidApiKey()
                          .at(request.getUriInfo().getRequestUri().getRawPath())))
              .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
              .build());
      return;
    }
    caller.authenticate(app.get());
    request.setProperty(APP_PROPERTY, app.get());
  }
}
