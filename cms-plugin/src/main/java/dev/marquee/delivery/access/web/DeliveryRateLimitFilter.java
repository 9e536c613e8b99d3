package dev.marquee.delivery.access.web;

import dev.marquee.delivery.access.AuthenticatedApp;
import dev.marquee.delivery.access.DeliveryRateLimiter;
import dev.marquee.delivery.access.TokenBucket;
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

/**
 * Applies the authenticated delivery app's rate limit (per node): over it, 429 problem+json with
 * {@code Retry-After} in whole seconds, rounded up.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHORIZATION)
public class DeliveryRateLimitFilter implements ContainerRequestFilter {
  /**
   * Request attribute set by a servlet that already took this request's token before it handed the
   * request on to JAX-RS (the feed's fast path), so one request counts once.
   */
  public static final String COUNTED_PROPERTY =
      DeliveryRateLimitFilter.class.getName() + ".counted";

  @Inject DeliveryRateLimiter limiter;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getProperty(ApiKeyAuthenticationFilter.APP_PROPERTY)
            instanceof AuthenticatedApp app)
        || request.getProperty(COUNTED_PROPERTY) != null) {
      return;
    }
    long waitNanos = limiter.tryTake(app);
    if (waitNanos == 0) {
      return;
    }
    long seconds = TokenBucket.retryAfterSeconds(waitNanos);
    Problem problem =
        Problem.rateLimited(
                "This app exceeded its limit of "
                    + app.requestsPerSecond()
                    + " requests per second (burst "
                    + app.burst()
                    + "); retry after "
                    + seconds
                    + " s.")
            .at(request.getUriInfo().getRequestUri().getRawPath());
    request.abortWith(
        Response.fromResponse(ProblemResponses.of(problem))
            .header(HttpHeaders.RETRY_AFTER, seconds)
            .build());
  }
}
