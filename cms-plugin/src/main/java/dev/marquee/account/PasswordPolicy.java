package dev.marquee.account;

import dev.marquee.errors.FieldError;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rules a new password of a local account must follow: a minimum length, at most bcrypt's 72
 * bytes (longer passwords would be silently truncated, so two different ones could both match) and
 * not the user name. Messages never repeat the password.
 */
public final class PasswordPolicy {
  /** bcrypt hashes only the first 72 bytes of a password. */
  public static final int MAX_BYTES = 72;

  /** The default minimum length (characters). */
  public static final int DEFAULT_MIN_LENGTH = 12;

  private final int minLength;

  public PasswordPolicy(int minLength) {
    if (minLength < 1 || minLength > MAX_BYTES) {
      throw new IllegalArgumentException("minimum password length must be within 1.." + MAX_BYTES);
    }
    this.minLength = minLength;
  }

  public int minLength() {
    return minLength;
  }

  /**
   * What is wrong with {@code password} for the account {@code username}, reported on {@code
   * field}.
   */
  public Optional<FieldError> check(String field, String username, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of(new FieldError(field, "must not be empty"));
    }
    if (password.codePointCount(0, password.length()) < minLength) {
      return Optional.of(new FieldError(field, "must be at least " + minLength + " characters"));
    }
    if (StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() > MAX_BYTES) {
      return Optional.of(new FieldError(field, "must be at most " + MAX_BYTES + " bytes in UTF-8"));
    }
    if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
      return Optional.of(new FieldError(field, "must not be the user name"));
    }
    return Optional.empty();
  }
}
