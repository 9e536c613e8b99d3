package dev.marquee.account;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * Hashes passwords with Elytron's bcrypt into the modular-crypt form ({@code $2a$…}) that the
 * server's JDBC realm ({@code modular-crypt-mapper}) verifies, so the application never verifies
 * passwords itself.
 */
public final class PasswordHasher {
  /** bcrypt cost: 2^10 rounds, Elytron's default; raise it as hardware gets faster. */
  public static final int DEFAULT_COST = 10;

  /** bcrypt's own lower bound. */
  public static final int MIN_COST = 4;

  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {}

  /** The modular-crypt encoded bcrypt hash of the password with a fresh random salt. */
  public static String hash(char[] password) {
    return hash(password, DEFAULT_COST);
  }

  /**
   * The same with a chosen cost (2^cost rounds). The cost is stored in the hash, so accounts hashed
   * with different costs verify side by side.
   */
  public static String hash(char[] password, int cost) {
    if (cost < MIN_COST || cost > 31) {
      throw new IllegalArgumentException("bcrypt cost must be within " + MIN_COST + "..31");
    }
    try {
      PasswordFactory factory =
          PasswordFactory.getInstance(
              BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
      byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
      RANDOM.nextBytes(salt);
      BCryptPassword hashed =
          (BCryptPassword)
              factory.generatePassword(
                  new EncryptablePasswordSpec(
                      password, new IteratedSaltedPasswordAlgorithmSpec(cost, salt)));
      return ModularCrypt.encodeAsString(hashed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Elytron cannot hash with bcrypt", e);
    }
  }

  /** Whether the password matches a hash made by {@link #hash}. */
  public static boolean matches(char[] password, String encoded) {
    try {
      PasswordFactory factory =
          PasswordFactory.getInstance(
              BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
      return factory.verify(factory.translate(ModularCrypt.decode(encoded)), password);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
