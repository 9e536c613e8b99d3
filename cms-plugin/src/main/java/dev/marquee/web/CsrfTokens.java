package dev.marquee.web;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of a browser session: 256 random bits kept in the session, handed to the page by
 * {@code GET /admin/session} and expected back in {@value #HEADER} on state-changing requests.
 */
public final class CsrfTokens {
  /** The request header that carries the token. */
  public static final String HEADER = "X-CSRF-Token";

  private static final String ATTRIBUTE = CsrfTokens.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private CsrfTokens() {}

  /** The session's token, created on first use. */
  public static String of(HttpSession session) {
    synchronized (session) {
      Object existing = session.getAttribute(ATTRIBUTE);
      if (existing instanceof String token) {
        return token;
      }
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(ATTRIBUTE, token);
      return token;
    }
  }

  /** Whether {@code presented} is the session's token (constant-time comparison). */
  public static boolean matches(HttpSession session, String presented) {
    if (session == null || presented == null) {
      return false;
    }
    Object expected = session.getAttribute(ATTRIBUTE);
    return expected instanceof String token
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
