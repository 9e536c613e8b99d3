package dev.marquee.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses cross-site use of browser sessions: a state-changing request that a session cookie
 * authenticates (no {@code Authorization}, no delivery API key) must carry the session's {@link
 * CsrfTokens token} and must not come from another origin ({@code Origin}, {@code Sec-Fetch-Site}).
 * Everything else passes: safe methods, and requests whose credentials a browser never adds on its
 * own. Answers 403 problem+json {@code csrf}.
 */
@WebFilter(filterName = "marquee-csrf", urlPatterns = "/*", asyncSupported = true)
public class CsrfFilter extends HttpFilter {
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!needsCheck(req)) {
      chain.doFilter(req, res);
      return;
    }
    String refusal = refusal(req);
    if (refusal != null) {
      res.setStatus(403);
      res.setContentType(Problem.MEDIA_TYPE);
      res.setCharacterEncoding("UTF-8");
      res.setHeader("Cache-Control", "no-store");
      JsonMapperProvider.mapper()
          .writeValue(
              res.getOutputStream(),
              Problem.of(403, "csrf", "Cross-site request refused", refusal)
                  .at(req.getRequestURI()));
      return;
    }
    chain.doFilter(req, res);
  }

  /** Unsafe methods riding on a session cookie, with no credentials the client set itself. */
  static boolean needsCheck(HttpServletRequest req) {
    return !SAFE.contains(req.getMethod().toUpperCase(Locale.ROOT))
        && req.getRequestedSessionId() != null
        && req.isRequestedSessionIdFromCookie()
        && req.getHeader("Authorization") == null
        && req.getHeader("X-Api-Key") == null;
  }

  /** Why the request is refused, or null when it may go ahead. */
  static String refusal(HttpServletRequest req) {
    String fetchSite = req.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin")) {
      return "A request from another site cannot use this browser session.";
    }
    String origin = req.getHeader("Origin");
    if (origin != null && !sameOrigin(origin, req.getHeader("Host"))) {
      return "A request from another origin cannot use this browser session.";
    }
    if (!CsrfTokens.matches(req.getSession(false), req.getHeader(CsrfTokens.HEADER))) {
      return "Send the session's CSRF token (csrfToken of GET /admin/session) in "
          + CsrfTokens.HEADER
          + ".";
    }
    return null;
  }

  /** Whether the Origin header names the host (and port) the request was sent to. */
  static boolean sameOrigin(String origin, String host) {
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null || uri.getScheme() == null) {
        return false;
      }
      int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      String originAuthority =
          uri.getHost().toLowerCase(Locale.ROOT)
              + ":"
              + (uri.getPort() == -1 ? defaultPort : uri.getPort());
      String h = host.strip().toLowerCase(Locale.ROOT);
      String hostAuthority = h.matches(".*:\\d+$") ? h : h + ":" + defaultPort;
      return originAuthority.equals(hostAuthority);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
