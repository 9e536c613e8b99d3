package dev.marquee.web;

import jakarta.ws.rs.core.EntityTag;
import java.util.OptionalLong;

/**
 * ETags are the entity's optimistic-locking version, so a client's If-Match maps one to one onto
 * the JPA {@code @Version} check.
 */
public final class EntityVersions {
  private EntityVersions() {}

  /** The strong ETag of a resource at this version. */
  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * The version a conditional update expects. Missing If-Match → 428; {@code *} → empty (any
   * current version); a value that is not one of our ETags can never match → 412.
   */
  public static OptionalLong requiredVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw HttpProblemException.preconditionRequired();
    }
    return parse(ifMatch);
  }

  /** Like {@link #requiredVersion} but an absent If-Match means "no precondition". */
  public static OptionalLong optionalVersion(String ifMatch) {
    return ifMatch == null || ifMatch.isBlank() ? OptionalLong.empty() : parse(ifMatch);
  }

  private static OptionalLong parse(String ifMatch) {
    String value = ifMatch.trim();
    if ("*".equals(value)) {
      return OptionalLong.empty();
    }
    if (value.startsWith("W/")) {
      // If-Match uses the strong comparison (RFC 9110 13.1.1): a weak tag never matches.
      throw stale();
    }
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.substring(1, value.length() - 1);
    }
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw stale();
    }
  }

  private static HttpProblemException stale() {
    return new HttpProblemException(
        Problem.staleVersion(
            "If-Match does not name a current version of this resource; read it again for its ETag."));
  }
}
