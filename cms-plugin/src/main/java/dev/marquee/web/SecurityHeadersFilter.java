package dev.marquee.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response, including error pages: the API never renders HTML, so its CSP
 * forbids everything; browser pages under /admin and /demo may load only their own origin's
 * resources. HSTS only over TLS, where it means something.
 */
@WebFilter(
    filterName = "marquee-security-headers",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR},
    asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
  static final String PAGE_CSP =
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
          + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
          + "form-action 'self'";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    boolean page = path.startsWith("/admin") || path.startsWith("/demo");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    res.setHeader("Content-Security-Policy", page ? PAGE_CSP : API_CSP);
    if (req.isSecure()) {
      res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (path.startsWith("/api/")) {
      // Management data is per user and changes; shared caches must not keep it.
      res.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(req, res);
  }
}
