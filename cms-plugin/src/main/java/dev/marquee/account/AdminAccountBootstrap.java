package dev.marquee.account;

import dev.marquee.security.Roles;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure the embedded mode can be signed into: creates the {@code admin} account on first start
 * with the password from {@code MARQUEE_ADMIN_PASSWORD}, or generates one and prints it once. When
 * the variable is set on a later start, it resets the admin password to it.
 */
@ApplicationScoped
public class AdminAccountBootstrap {
  private static final Logger LOG = Logger.getLogger(AdminAccountBootstrap.class.getName());
  static final String ADMIN = "admin";

  @Inject LocalAccounts accounts;

  @Inject
  @ConfigProperty(name = "marquee.auth.local-accounts", defaultValue = "true")
  boolean localAccounts;

  @Inject
  @ConfigProperty(name = "marquee.admin.password")
  Optional<String> configuredPassword;

  void onStartup(@Observes @Priority(Interceptor.Priority.APPLICATION) Startup startup) {
    if (!localAccounts) {
      return;
    }
    Optional<String> password = configuredPassword.filter(p -> !p.isBlank());
    if (accounts.find(ADMIN).isPresent()) {
      if (password.isPresent()
          && accounts.resetPasswordIfDifferent(ADMIN, password.get().toCharArray())) {
        LOG.info("Admin password reset from MARQUEE_ADMIN_PASSWORD.");
      }
      return;
    }
    String initial = password.orElseGet(AdminAccountBootstrap::generatePassword);
    accounts.create(ADMIN, initial.toCharArray(), Roles.ALL);
    if (password.isPresent()) {
      LOG.info("Created local account 'admin' with the password from MARQUEE_ADMIN_PASSWORD.");
    } else {
      // Printed exactly once, on the start that creates the account; only its hash is stored.
      String banner =
          "\n================================================================\n"
              + " Marquee created the local account 'admin'.\n"
              + " Generated password (shown only this once): "
              + initial
              + "\n Set MARQUEE_ADMIN_PASSWORD to choose it yourself.\n"
              + "================================================================";
      System.out.println(banner);
    }
  }

  static String generatePassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
