package dev.marquee.security.oidc;

import dev.marquee.security.Roles;
import dev.marquee.web.CsrfTokens;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The admin UI's session: {@code GET /admin/session} says who is signed in, with which Marquee
 * roles, and the session's CSRF token (reaching it signs the browser in, web.xml protects
 * /admin/*); {@code POST /admin/logout} (which {@link dev.marquee.web.CsrfFilter} lets through only
 * with that token) ends the session, and with single sign-on the provider's session too, and
 * returns to the admin UI, which then signs in again.
 */
@WebServlet(urlPatterns = {"/admin/session", "/admin/logout"})
public class AdminSessionServlet extends HttpServlet {

  private static boolean singleSignOn() {
    return ConfigProvider.getConfig()
        .getOptionalValue("marquee.auth.method", String.class)
        .map(method -> method.strip().equalsIgnoreCase("OIDC"))
        .orElse(false);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!"/admin/session".equals(request.getServletPath())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    JsonArrayBuilder roles = Json.createArrayBuilder();
    Roles.ALL.stream().filter(request::isUserInRole).forEach(roles::add);
    String csrfToken = CsrfTokens.of(request.getSession(true));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            Json.createObjectBuilder()
                .add("user", request.getUserPrincipal().getName())
                .add("roles", roles)
                .add("csrfToken", csrfToken)
                .build()
                .toString());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!"/admin/logout".equals(request.getServletPath())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    if (singleSignOn()) {
      // Only referenced in OIDC mode: the OIDC client's classes exist only then.
      ProviderLogout.endProviderSession(request);
    }
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/admin/session");
  }
}
