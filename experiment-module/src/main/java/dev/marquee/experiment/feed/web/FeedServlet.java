package dev.marquee.experiment.feed.web;

import dev.marquee.delivery.access.ApiKeyHeaders;
import dev.marquee.delivery.access.AuthenticatedApp;
import dev.marquee.delivery.access.DeliveryKeyVerifier;
import dev.marquee.delivery.access.DeliveryRateLimiter;
import dev.marquee.delivery.access.web.DeliveryCorsFilter;
import dev.marquee.delivery.access.web.DeliveryRateLimitFilter;
import dev.marquee.experiment.feed.FeedQuery;
import dev.marquee.experiment.feed.FeedService;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers {@code GET /api/v1/delivery/feed} without JAX-RS when the request is certainly valid. The
 * feed is what every front-end app calls for every screen, and RESTEasy's work before the resource
 * method (parsing the long request URI again, decoding every query parameter again, Bean Validation
 * of the generated interface) was the largest share of a feed request's CPU time
 * (docs/benchmarks.md, "Delivery feed"). An exact servlet mapping wins over the JAX-RS servlet's
 * {@code /api/v1/*}.
 *
 * <p>Everything this servlet does not answer itself, it forwards unchanged to the JAX-RS servlet:
 * other methods, queries outside the contract's limits ({@link FeedQueryLimits}) or that do not
 * parse, a missing or wrong key, a rate-limited app, an unknown row. So every error is still
 * answered in one place, as problem+json, by {@link DeliveryFeedResource} and the delivery filters.
 * Before it decides to answer, the servlet records only what any authenticated delivery request
 * records: the key's last use (at most once a minute) and the app's rate-limit token, which the
 * forwarded request does not take again ({@link DeliveryRateLimitFilter#COUNTED_PROPERTY}). The
 * servlet filters (security headers, CSRF) run for this servlet as for any other.
 */
@WebServlet(name = "marquee-delivery-feed", urlPatterns = FeedServlet.PATH, asyncSupported = true)
public class FeedServlet extends HttpServlet {
  static final String PATH = "/api/v1/delivery/feed";

  private static final String JAX_RS_MAPPING = "/api/v1/*";
  private static final String VARY = FeedResponse.VARY + ", Origin";

  @Inject FeedService feed;
  @Inject FeedResponse response;
  @Inject DeliveryKeyVerifier keys;
  @Inject DeliveryRateLimiter rateLimiter;

  private RequestDispatcher jaxRs;

  @Override
  public void init() throws ServletException {
    Optional<String> name =
        getServletContext().getServletRegistrations().values().stream()
            .filter(r -> r.getMappings().contains(JAX_RS_MAPPING))
            .map(ServletRegistration::getName)
            .findFirst();
    if (name.isEmpty()) {
      throw new ServletException("No JAX-RS servlet is mapped to " + JAX_RS_MAPPING);
    }
    jaxRs = getServletContext().getNamedDispatcher(name.get());
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res)
      throws ServletException, IOException {
    if (!"GET".equals(req.getMethod()) || !answered(req, res)) {
      jaxRs.forward(req, res);
    }
  }

  /** Answers the request, or returns false having sent nothing. */
  private boolean answered(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Map<String, String[]> parameters;
    try {
      parameters = req.getParameterMap();
    } catch (RuntimeException e) {
      return false; // a malformed query (bad % escape, too many parameters): JAX-RS names it
    }
    List<String> ifNoneMatches = Collections.list(req.getHeaders("If-None-Match"));
    String ifNoneMatch = ifNoneMatches.isEmpty() ? null : ifNoneMatches.get(0);
    if (!FeedQueryLimits.withinLimits(parameters)
        || ifNoneMatches.size() > 1
        || (ifNoneMatch != null && !FeedQueryLimits.IF_NONE_MATCH.allows(ifNoneMatch))) {
      return false; // JAX-RS judges a repeated or overlong If-None-Match
    }
    FeedQuery query;
    try {
      query =
          FeedRequestParser.fromQuery(
              first(parameters, "entries"),
              first(parameters, "externalIds"),
              first(parameters, "row"),
              first(parameters, "viewerId"),
              first(parameters, "profileType"),
              first(parameters, "country"),
              first(parameters, "region"),
              first(parameters, "language"),
              first(parameters, "deviceClass"),
              first(parameters, "watched"),
              affinities(parameters));
    } catch (RuntimeException e) {
      return false;
    }
    Optional<AuthenticatedApp> app =
        keys.verify(
            ApiKeyHeaders.candidate(
                Collections.list(req.getHeaders("Authorization")),
                Collections.list(req.getHeaders(ApiKeyHeaders.X_API_KEY))));
    if (app.isEmpty()) {
      return false;
    }
    if (rateLimiter.tryTake(app.get()) != 0) {
      return false; // refused: nothing taken, the rate-limit filter refuses it again with 429
    }
    req.setAttribute(DeliveryRateLimitFilter.COUNTED_PROPERTY, Boolean.TRUE);
    FeedResponse.Written answer;
    try {
      answer = response.ofGet(feed.answer(query, app.get().name()));
    } catch (RuntimeException e) {
      // an unknown row, too many entries, a malformed context (thrown before anything is
      // recorded): JAX-RS answers it as problem+json, as it does anything unexpected
      return false;
    }
    res.setHeader("ETag", answer.etag());
    res.setHeader("Cache-Control", answer.cacheControl());
    res.setHeader("Vary", VARY);
    String origin = req.getHeader("Origin");
    if (app.get().allowsOrigin(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Expose-Headers", DeliveryCorsFilter.EXPOSE_HEADERS);
    }
    if (ifNoneMatch != null && FeedResponse.matches(ifNoneMatch, answer.etag())) {
      res.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return true;
    }
    res.setStatus(HttpServletResponse.SC_OK);
    res.setContentType("application/json");
    res.setContentLength(answer.body().length());
    answer.body().writeTo(res.getOutputStream());
    return true;
  }

  private static String first(Map<String, String[]> parameters, String name) {
    String[] values = parameters.get(name);
    return values == null ? null : values[0];
  }

  private static List<String> affinities(Map<String, String[]> parameters) {
    String[] values = parameters.get(FeedQueryLimits.AFFINITY);
    return values == null ? null : List.of(values);
  }
}
