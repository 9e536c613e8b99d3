package dev.marquee.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates and updates local accounts; passwords are hashed here and verified by Elytron. */
@ApplicationScoped
public class LocalAccounts {
  @PersistenceContext EntityManager em;

  /**
   * Every HTTP Basic request verifies one bcrypt hash, so the cost is a trade-off between
   * brute-force resistance and CPU per request; test servers lower it to bcrypt's minimum.
   */
  @Inject
  @ConfigProperty(name = "marquee.auth.bcrypt-cost", defaultValue = "10")
  int bcryptCost;

  /** The account with this user name, if any. */
  @Transactional
  public Optional<LocalAccount> find(String username) {
    return em.createQuery("select a from LocalAccount a where a.username = :u", LocalAccount.class)
        .setParameter("u", username)
        .getResultStream()
        .findFirst();
  }

  /** Creates an enabled account with these roles. */
  @Transactional
  public LocalAccount create(String username, char[] password, Collection<String> roles) {
    LocalAccount account =
        new LocalAccount(username, PasswordHasher.hash(password, bcryptCost), roles);
    em.persist(account);
    return account;
  }

  /** The password's bcrypt hash at the configured cost. */
  public String hash(char[] password) {
    return PasswordHasher.hash(password, bcryptCost);
  }

  /** Sets a new password unless the current one already matches (avoids needless rehashing). */
  @Transactional
  public boolean resetPasswordIfDifferent(String username, char[] password) {
    LocalAccount account = find(username).orElseThrow();
    if (PasswordHasher.matches(password, account.passwordHash())) {
      return false;
    }
    em.merge(account).changePasswordHash(PasswordHasher.hash(password, bcryptCost));
    return true;
  }
}
