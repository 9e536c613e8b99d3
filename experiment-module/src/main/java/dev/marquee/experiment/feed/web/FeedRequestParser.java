package dev.marquee.experiment.feed.web;

import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.audience.ViewerContext;
import dev.marquee.experiment.audience.rules.DeviceClass;
import dev.marquee.experiment.audience.rules.ProfileType;
import dev.marquee.experiment.feed.FeedQuery;
import dev.marquee.experiment.feed.FeedService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the query form of a feed request (comma-separated ids, repeated {@code affinity}
 * parameters) into a {@link FeedQuery}, naming every malformed value. The profile type and device
 * class arrive as the contract's enum names, already checked by JAX-RS or {@link FeedQueryLimits}.
 */
final class FeedRequestParser {
  private static final int MAX_WATCHED = 200;

  private final List<FieldError> errors = new ArrayList<>();

  static FeedQuery fromQuery(
      String entries,
      String externalIds,
      String row,
      String viewerId,
      String profileType,
      String country,
      String region,
      String language,
      String deviceClass,
      String watched,
      List<String> affinities) {
    FeedRequestParser p = new FeedRequestParser();
    List<FeedQuery.Requested> requested = new ArrayList<>();
    for (UUID id : p.uuids("entries", entries, FeedService.MAX_ENTRIES)) {
      requested.add(FeedQuery.Requested.byId(id));
    }
    for (String id : p.split("externalIds", externalIds, FeedService.MAX_ENTRIES)) {
      if (id != null) {
        requested.add(FeedQuery.Requested.byExternalId(id));
      }
    }
    List<UUID> recentlyWatched = p.uuids("watched", watched, MAX_WATCHED);
    Map<String, Double> tagAffinities = p.affinities(affinities);
    p.throwIfInvalid();
    return new FeedQuery(
        requested,
        row,
        viewerId,
        new ViewerContext(
            profileType == null ? null : ProfileType.valueOf(profileType),
            country,
            region,
            language,
            deviceClass == null ? null : DeviceClass.valueOf(deviceClass),
            null,
            recentlyWatched,
            tagAffinities));
  }

  /** The values of a comma-separated list; an empty or overlong one is an error at its index. */
  private List<String> split(String field, String text, int max) {
    List<String> values = new ArrayList<>();
    if (text == null) {
      return values;
    }
    String[] parts = text.split(",", -1);
    if (parts.length > max) {
      errors.add(new FieldError(field, "at most " + max + " values"));
      return values;
    }
    for (int i = 0; i < parts.length; i++) {
      String v = parts[i].trim();
      if (v.isEmpty() || v.length() > 200) {
        errors.add(new FieldError(field + "[" + i + "]", "must be 1 to 200 characters"));
        values.add(null);
      } else {
        values.add(v);
      }
    }
    return values;
  }

  private List<UUID> uuids(String field, String text, int max) {
    List<UUID> ids = new ArrayList<>();
    List<String> values = split(field, text, max);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        continue;
      }
      try {
        ids.add(UUID.fromString(values.get(i)));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field + "[" + i + "]", "is not a UUID"));
      }
    }
    return ids;
  }

  /** {@code KIND:value=score}: the score follows the last '=', so values may contain '='. */
  private Map<String, Double> affinities(List<String> texts) {
    Map<String, Double> affinities = new LinkedHashMap<>();
    if (texts == null) {
      return affinities;
    }
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      int eq = t == null ? -1 : t.lastIndexOf('=');
      if (eq <= 0) {
        errors.add(new FieldError("affinity[" + i + "]", "must be KIND:value=score"));
        continue;
      }
      try {
        affinities.put(t.substring(0, eq), Double.valueOf(t.substring(eq + 1)));
      } catch (NumberFormatException e) {
        errors.add(new FieldError("affinity[" + i + "]", "score must be a number 0..1"));
      }
    }
    return affinities;
  }

  private void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors.size() + " fields are invalid.", errors);
    }
  }
}
