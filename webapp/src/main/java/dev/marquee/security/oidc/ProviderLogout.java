package dev.marquee.security.oidc;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.logging.Logger;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;
import org.wildfly.security.http.oidc.RefreshableOidcSecurityContext;

/**
 * Ends the browser's session at the OpenID provider: a back-channel call to its {@code
 * end_session_endpoint} with the session's refresh token and Marquee's client credentials (what
 * elytron-oidc-client's {@code RefreshableOidcSecurityContext.logout} does), so that the next visit
 * meets the login page instead of a silent single sign-on.
 */
final class ProviderLogout {
  private static final Logger LOG = Logger.getLogger(ProviderLogout.class.getName());

  private ProviderLogout() {}

  /** Whether there was a provider session to end (failures are logged by the OIDC client). */
  static boolean endProviderSession(HttpServletRequest request) {
    RefreshableOidcSecurityContext context = context(request);
    if (context == null
        || context.getRefreshToken() == null
        || context.getOidcClientConfiguration() == null) {
      LOG.fine("No OpenID provider session to end");
      return false;
    }
    context.logout(context.getOidcClientConfiguration());
    return true;
  }

  private static RefreshableOidcSecurityContext context(HttpServletRequest request) {
    Object attribute = request.getAttribute(OidcSecurityContext.class.getName());
    if (attribute instanceof RefreshableOidcSecurityContext context) {
      return context;
    }
    // The OIDC client's session token store keeps it in the HTTP session under the same name.
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(OidcSecurityContext.class.getName())
            instanceof RefreshableOidcSecurityContext context) {
      return context;
    }
    Principal principal = request.getUserPrincipal();
    if (principal instanceof OidcPrincipal<?> oidc
        && oidc.getOidcSecurityContext() instanceof RefreshableOidcSecurityContext context) {
      return context;
    }
    return null;
  }
}
