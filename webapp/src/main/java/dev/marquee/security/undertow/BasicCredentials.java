package dev.marquee.security.undertow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The user name in an HTTP Basic {@code Authorization} header; the password is never kept. */
final class BasicCredentials {
  /** Longer names cannot be accounts (see LocalAccount); they share one throttle entry. */
  static final int MAX_USERNAME = 100;

  static final String OVERLONG = "\u0000overlong";

  private BasicCredentials() {}

  /** Whether the header names the Basic scheme, well-formed or not. */
  static boolean isBasic(String authorization) {
    return authorization != null
        && authorization.regionMatches(true, 0, "Basic", 0, 5)
        && (authorization.length() == 5 || authorization.charAt(5) == ' ');
  }

  /** The user name, or null when the header is absent, not Basic or malformed. */
  static String username(String authorization) {
    if (!isBasic(authorization) || authorization.length() < 7) {
      return null;
    }
    String encoded = authorization.substring(6).strip();
    if (encoded.length() > 4 * 1024) {
      return OVERLONG;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String username = decoded.substring(0, colon);
    return username.length() > MAX_USERNAME ? OVERLONG : username;
  }
}
