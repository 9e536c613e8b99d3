package dev.marquee.delivery.access.web;

import dev.marquee.delivery.access.AuthenticatedApp;
import dev.marquee.delivery.access.CorsOrigins;
import dev.marquee.web.Problem;
import dev.marquee.web.ProblemResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * CORS for the delivery API. A preflight carries no API key, so it is answered (before
 * authentication) for any origin some enabled app allows, and refused with 403 otherwise. Actual
 * requests get {@code Access-Control-Allow-Origin} only when the calling app allows the origin (or,
 * for a request rejected before an app is known, when some app does, so that the page can read the
 * 401). Disallowed origins get no CORS headers; every delivery response varies by {@code Origin}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class DeliveryCorsFilter implements ContainerRequestFilter, ContainerResponseFilter {
  static final String ORIGIN = "Origin";
  static final String ALLOW_METHODS = "GET, HEAD, POST";
  static final String ALLOW_HEADERS =
      "Authorization, X-Api-Key, Content-Type, If-None-Match, Accept, Accept-Language";
  public static final String EXPOSE_HEADERS = "Retry-After, ETag, Link, Location, WWW-Authenticate";
  static final int MAX_AGE_SECONDS = 600;

  @Inject CorsOrigins origins;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!DeliveryPaths.isDelivery(request.getUriInfo().getPath())
        || !HttpMethod.OPTIONS.equals(request.getMethod())) {
      return;
    }
    String origin = request.getHeaderString(ORIGIN);
    if (origin == null || request.getHeaderString("Access-Control-Request-Method") == null) {
      return; // not a preflight: an OPTIONS request like any other, which needs a key
    }
    if (!origins.anyAppAllows(origin)) {
      request.abortWith(
          ProblemResponses.of(
              Problem.originNotAllowed(
                      "No delivery app allows requests from this origin; an administrator adds it "
                          + "to the app's allowedOrigins.")
                  .at(request.getUriInfo().getRequestUri().getRawPath())));
      return;
    }
    request.abortWith(
        Response.noContent()
            .header("Access-Control-Allow-Origin", origin)
            .header("Access-Control-Allow-Methods", ALLOW_METHODS)
            .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
            .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
            .build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!DeliveryPaths.isDelivery(request.getUriInfo().getPath())) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    // keep what the resource varies on (the feed: the API key) and add the origin
    Object vary = headers.getFirst(HttpHeaders.VARY);
    headers.putSingle(
        HttpHeaders.VARY,
        vary == null || vary.toString().isBlank() ? ORIGIN : vary + ", " + ORIGIN);
    String origin = request.getHeaderString(ORIGIN);
    if (origin == null) {
      return;
    }
    boolean allowed =
        request.getProperty(ApiKeyAuthenticationFilter.APP_PROPERTY) instanceof AuthenticatedApp app
            ? app.allowsOrigin(origin)
            : origins.anyAppAllows(origin);
    if (allowed) {
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    } else {
      // the app's list is the policy: a resource cannot widen it by setting headers itself
      headers.remove("Access-Control-Allow-Origin");
      headers.remove("Access-Control-Allow-Methods");
      headers.remove("Access-Control-Allow-Headers");
      headers.remove("Access-Control-Max-Age");
    }
  }
}
