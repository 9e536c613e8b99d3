package dev.marquee.delivery.access;

import java.util.List;
import java.util.Locale;

/**
 * Finds the API key in a request's headers: {@code Authorization: ApiKey <key>} or {@code
 * X-Api-Key: <key>}. Anything ambiguous (a header repeated, both headers with different keys,
 * another Authorization scheme) or oversized yields no key, so the caller answers 401 without
 * looking further.
 */
public final class ApiKeyHeaders {
  public static final String X_API_KEY = "X-Api-Key";
  public static final String SCHEME = "ApiKey";

  /** Far above a real key; longer values are not even trimmed or compared. */
  static final int MAX_VALUE_LENGTH = 256;

  private static final String SCHEME_PREFIX = SCHEME.toLowerCase(Locale.ROOT) + " ";

  private ApiKeyHeaders() {}

  /**
   * @param authorization the request's {@code Authorization} values (null or empty when absent)
   * @param xApiKey the request's {@code X-Api-Key} values (null or empty when absent)
   * @return the key candidate, or null when there is none or the headers are ambiguous
   */
  public static String candidate(List<String> authorization, List<String> xApiKey) {
    String fromAuthorization = null;
    if (authorization != null && !authorization.isEmpty()) {
      String value = single(authorization);
      if (value == null
          || !value.regionMatches(true, 0, SCHEME_PREFIX, 0, SCHEME_PREFIX.length())) {
        return null;
      }
      fromAuthorization = value.substring(SCHEME_PREFIX.length()).strip();
    }
    String fromHeader = null;
    if (xApiKey != null && !xApiKey.isEmpty()) {
      fromHeader = single(xApiKey);
      if (fromHeader == null) {
        return null;
      }
      fromHeader = fromHeader.strip();
    }
    if (fromAuthorization != null && fromHeader != null && !fromAuthorization.equals(fromHeader)) {
      return null;
    }
    String key = fromAuthorization != null ? fromAuthorization : fromHeader;
    return key == null || key.isEmpty() ? null : key;
  }

  private static String single(List<String> values) {
    if (values.size() != 1) {
      return null;
    }
    String value = values.get(0);
    return value == null || value.length() > MAX_VALUE_LENGTH ? null : value;
  }
}
