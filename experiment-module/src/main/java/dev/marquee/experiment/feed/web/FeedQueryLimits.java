package dev.marquee.experiment.feed.web;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract's limits on the query of {@code GET /delivery/feed} ({@code docs/openapi.yaml}), for
 * {@link FeedServlet}, which answers before JAX-RS and its Bean Validation see the request. It only
 * decides whether a query is certainly valid; anything else goes on to JAX-RS, which names the
 * problem. So these checks may be stricter than the contract (a repeated single-valued parameter,
 * say), never looser: {@code FeedQueryLimitsTest} compares them with the contract.
 */
final class FeedQueryLimits {
  /** The array parameter; every other one takes a single value. */
  static final String AFFINITY = "affinity";

  /** One parameter's limits: lengths in UTF-16 units, as {@code @Size} counts them. */
  record Limit(int minLength, int maxLength, Pattern pattern, Set<String> values) {
    static Limit length(int min, int max) {
      return new Limit(min, max, null, null);
    }

    static Limit pattern(String regex) {
      return new Limit(0, Integer.MAX_VALUE, Pattern.compile(regex), null);
    }

    static Limit oneOf(String... values) {
      return new Limit(0, Integer.MAX_VALUE, null, Set.of(values));
    }

    boolean allows(String value) {
      return value != null
          && value.length() >= minLength
          && value.length() <= maxLength
          && (pattern == null || pattern.matcher(value).matches())
          && (values == null || values.contains(value));
    }
  }

  static final Map<String, Limit> PARAMETERS =
      Map.ofEntries(
          Map.entry("entries", Limit.length(1, 4000)),
          Map.entry("externalIds", Limit.length(1, 20000)),
          Map.entry("row", Limit.pattern("^[a-z0-9][a-z0-9-]{0,62}$")),
          Map.entry("viewerId", Limit.length(1, 200)),
          Map.entry("profileType", Limit.oneOf("ADULT", "TEEN", "KIDS")),
          Map.entry("country", Limit.pattern("^[A-Z]{2}$")),
          Map.entry("region", Limit.pattern("^[A-Z]{2}-[A-Z0-9]{1,3}$")),
          Map.entry("language", Limit.length(2, 35)),
          Map.entry(
              "deviceClass", Limit.oneOf("TV", "MOBILE", "WEB", "TABLET", "CONSOLE", "OTHER")),
          Map.entry("watched", Limit.length(1, 8000)));

  static final int MAX_AFFINITIES = 200;
  static final Limit AFFINITY_ITEM = Limit.length(3, 300);
  static final Limit IF_NONE_MATCH = Limit.length(1, 200);

  private FeedQueryLimits() {}

  /**
   * @param parameters the decoded query, as {@link jakarta.servlet.ServletRequest#getParameterMap}
   *     gives it; names the contract does not know are ignored, as JAX-RS ignores them
   * @return whether every parameter the contract names is within its limits
   */
  static boolean withinLimits(Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> p : parameters.entrySet()) {
      String[] values = p.getValue();
      if (AFFINITY.equals(p.getKey())) {
        if (values.length > MAX_AFFINITIES) {
          return false;
        }
        for (String v : values) {
          if (!AFFINITY_ITEM.allows(v)) {
            return false;
          }
        }
        continue;
      }
      Limit limit = PARAMETERS.get(p.getKey());
      if (limit != null && (values.length != 1 || !limit.allows(values[0]))) {
        return false;
      }
    }
    return true;
  }
}
