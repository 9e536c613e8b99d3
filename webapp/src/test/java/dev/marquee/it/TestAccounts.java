package dev.marquee.it;

import dev.marquee.account.LocalAccounts;
import dev.marquee.security.Roles;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Map;

/**
 * Test data loader deployed with the WAR in integration tests: one local account per role, and one
 * without any Marquee role, all with the password {@link #PASSWORD}.
 */
@ApplicationScoped
public class TestAccounts {
  public static final String PASSWORD = "it-Secret-1";

  public static final Map<String, List<String>> ACCOUNTS =
      Map.of(
          "editor", List.of(Roles.EDITOR),
          "experimenter", List.of(Roles.EXPERIMENTER),
          "publisher", List.of(Roles.PUBLISHER),
          "administrator", List.of(Roles.ADMIN),
          "outsider", List.of("unrelated-role"));

  @Inject LocalAccounts accounts;

  void load(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) Startup startup) {
    ACCOUNTS.forEach(
        (user, roles) -> {
          if (accounts.find(user).isEmpty()) {
            accounts.create(user, PASSWORD.toCharArray(), roles);
          }
        });
  }
}
