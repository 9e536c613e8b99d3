package dev.marquee.security.undertow;

import io.undertow.server.handlers.SameSiteCookieHandler;
import io.undertow.server.handlers.SecureCookieHandler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Every cookie of the deployment (the session cookie above all) gets {@code SameSite=Lax}, and
 * {@code Secure} when the request came over TLS; web.xml makes the session cookie {@code HttpOnly}.
 * Lax rather than Strict: the browser must send the session cookie on the top-level redirect back
 * from the identity provider's login page. Registered in META-INF/services.
 */
public class SessionCookieExtension implements ServletExtension {
  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
    deployment.addInitialHandlerChainWrapper(next -> new SameSiteCookieHandler(next, "Lax"));
    deployment.addInitialHandlerChainWrapper(SecureCookieHandler.WRAPPER);
  }
}
