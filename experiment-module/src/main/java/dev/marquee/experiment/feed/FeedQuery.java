package dev.marquee.experiment.feed;

import dev.marquee.experiment.audience.ViewerContext;
import java.util.List;
import java.util.UUID;

/**
 * What an app asks the feed: entries named explicitly (in order), an optional row answered after
 * them, and the viewer.
 *
 * @param viewerId the app's pseudonymous viewer id, or null (nobody is enrolled)
 */
public record FeedQuery(
    List<Requested> entries, String row, String viewerId, ViewerContext context) {
  public FeedQuery {
    entries = List.copyOf(entries);
  }

  /** One requested entry: by Marquee id or by external id, with the text the app sent. */
  public record Requested(String asSent, UUID id, String externalId) {
    public static Requested byId(UUID id) {
      return new Requested(id.toString(), id, null);
    }

    public static Requested byExternalId(String externalId) {
      return new Requested(externalId, null, externalId);
    }
  }

  /** Whether the answer depends on who the viewer is, beyond the context's plain facts. */
  public boolean personalised() {
    return viewerId != null
        || !context.recentlyWatched().isEmpty()
        || !context.tagAffinities().isEmpty();
  }
}
