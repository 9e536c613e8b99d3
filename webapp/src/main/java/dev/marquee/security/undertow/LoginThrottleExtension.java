package dev.marquee.security.undertow;

import dev.marquee.account.LoginThrottle;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.LoginConfig;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Puts {@link LoginThrottleHandler} in front of the deployment's authentication when it signs in
 * with HTTP Basic (local accounts); with single sign-on the identity provider does its own
 * brute-force protection. Registered in META-INF/services.
 */
public class LoginThrottleExtension implements ServletExtension {
  private static final Logger LOG = Logger.getLogger(LoginThrottleExtension.class.getName());

  @Override
  public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
    LoginConfig login = deployment.getLoginConfig();
    boolean basic =
        login != null
            && login.getAuthMethods().stream().anyMatch(m -> "BASIC".equalsIgnoreCase(m.getName()));
    if (!basic) {
      return;
    }
    LoginThrottle.Settings settings =
        settings(ConfigProvider.getConfig(deployment.getClassLoader()));
    LoginThrottle throttle = new LoginThrottle(settings);
    deployment.addInitialHandlerChainWrapper(next -> new LoginThrottleHandler(next, throttle));
    LOG.info(() -> "Back-off after failed sign-ins: " + settings);
  }

  static LoginThrottle.Settings settings(Config config) {
    return new LoginThrottle.Settings(
        config.getOptionalValue("marquee.auth.backoff.account-failures", Integer.class).orElse(5),
        config.getOptionalValue("marquee.auth.backoff.address-failures", Integer.class).orElse(20),
        config
            .getOptionalValue("marquee.auth.backoff.first-lockout", Duration.class)
            .orElse(Duration.ofSeconds(1)),
        config
            .getOptionalValue("marquee.auth.backoff.max-lockout", Duration.class)
            .orElse(Duration.ofMinutes(15)),
        config.getOptionalValue("marquee.auth.backoff.max-entries", Integer.class).orElse(10_000));
  }
}
