package dev.marquee.security.oidc;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.wildfly.security.http.oidc.OidcClientConfiguration;
import org.wildfly.security.http.oidc.OidcClientConfigurationBuilder;
import org.wildfly.security.http.oidc.OidcClientConfigurationResolver;
import org.wildfly.security.http.oidc.OidcHttpFacade;

/**
 * Chooses the OIDC client configuration per request: the browser flow (login page, session cookie)
 * for the admin UI under {@code /admin}, bearer tokens only everywhere else, so an API call without
 * a valid token is a 401 and never a redirect.
 *
 * <p>Named in web.xml ({@code oidc.config.resolver}); WildFly's OIDC client instantiates it only
 * when {@code MARQUEE_AUTH_METHOD=OIDC}. The provider is contacted lazily, on the first request.
 */
public class EnvironmentOidcConfigResolver implements OidcClientConfigurationResolver {
  private static final Logger LOG = Logger.getLogger(EnvironmentOidcConfigResolver.class.getName());

  private final OidcClientConfiguration browser;
  private final OidcClientConfiguration bearerOnly;

  public EnvironmentOidcConfigResolver() {
    OidcSettings settings;
    try {
      Config config = ConfigProvider.getConfig();
      settings = OidcSettings.from(key -> config.getOptionalValue(key, String.class));
    } catch (RuntimeException e) {
      // WildFly swallows this and leaves every request unauthenticated: say why, loudly.
      LOG.log(Level.SEVERE, "Single sign-on is not configured: {0}", e.getMessage());
      throw e;
    }
    this.browser = OidcClientConfigurationBuilder.build(settings.browser());
    this.bearerOnly = OidcClientConfigurationBuilder.build(settings.bearerOnly());
    LOG.log(Level.INFO, "Single sign-on with {0}", settings);
  }

  @Override
  public OidcClientConfiguration resolve(OidcHttpFacade.Request request) {
    return AdminPaths.isBrowserPath(request.getRelativePath()) ? browser : bearerOnly;
  }
}
