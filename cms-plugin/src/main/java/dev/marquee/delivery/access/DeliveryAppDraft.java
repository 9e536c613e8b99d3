package dev.marquee.delivery.access;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an administrator writes about a delivery app. {@link #validated()} checks the rules and
 * normalises origins to the form browsers send in {@code Origin} ({@code scheme://host[:port]},
 * lower case, default port omitted).
 *
 * @param requestsPerSecond sustained rate limit per server node
 * @param burst requests allowed at once after a quiet period; defaults to the larger of {@value
 *     #DEFAULT_BURST} and the rate
 */
public record DeliveryAppDraft(
    String name,
    String description,
    List<String> allowedOrigins,
    Integer requestsPerSecond,
    Integer burst,
    Boolean enabled) {

  public static final int MAX_NAME = 100;
  public static final int MAX_DESCRIPTION = 1000;
  public static final int MAX_ORIGINS = 50;
  public static final int MAX_ORIGIN = 300;
  public static final int MAX_RATE = 100_000;
  public static final int DEFAULT_RATE = 50;
  public static final int DEFAULT_BURST = 100;

  /**
   * The draft with defaults applied, trimmed, origins normalised.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public DeliveryAppDraft validated() {
    List<FieldError> errors = new ArrayList<>();
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      errors.add(new FieldError("name", "must not be blank"));
    } else if (n.length() > MAX_NAME) {
      errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
    }
    String d = description == null || description.isBlank() ? null : description.strip();
    if (d != null && d.length() > MAX_DESCRIPTION) {
      errors.add(
          new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    Set<String> origins = new LinkedHashSet<>();
    List<String> given = allowedOrigins == null ? List.of() : allowedOrigins;
    if (given.size() > MAX_ORIGINS) {
      errors.add(new FieldError("allowedOrigins", "must list at most " + MAX_ORIGINS + " origins"));
    } else {
      for (int i = 0; i < given.size(); i++) {
        String origin = normalizeOrigin(given.get(i));
        if (origin == null) {
          errors.add(
              new FieldError(
                  "allowedOrigins[" + i + "]",
                  "must be an origin like https://app.example.com or http://localhost:5173 "
                      + "(scheme, host and optional port; no path)"));
        } else {
          origins.add(origin);
        }
      }
    }
    int rate = requestsPerSecond == null ? DEFAULT_RATE : requestsPerSecond;
    int size = burst == null ? Math.max(DEFAULT_BURST, rate) : burst;
    if (rate < 1 || rate > MAX_RATE) {
      errors.add(
          new FieldError("rateLimit.requestsPerSecond", "must be between 1 and " + MAX_RATE));
    }
    if (size < 1 || size > MAX_RATE) {
      errors.add(new FieldError("rateLimit.burst", "must be between 1 and " + MAX_RATE));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid",
          errors);
    }
    return new DeliveryAppDraft(n, d, List.copyOf(origins), rate, size, enabled == null || enabled);
  }

  /**
   * The origin as browsers serialise it, or null when {@code value} is not an http(s) origin.
   * Browsers omit default ports and lower-case scheme and host, so {@code
   * https://App.example.com:443} becomes {@code https://app.example.com}.
   */
  public static String normalizeOrigin(String value) {
    if (value == null || value.isBlank() || value.length() > MAX_ORIGIN) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      return null;
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!("https".equals(scheme) || "http".equals(scheme))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      return null;
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }
}
