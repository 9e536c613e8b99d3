package dev.marquee.experiment.feed;

import dev.marquee.experiment.audience.rules.GroupRules;
import java.util.List;
import java.util.UUID;

/** The feed's answer: the viewer's audience group and one item per requested entry, in order. */
public record FeedAnswer(
    GroupRules audienceGroup, boolean heldOut, boolean personalised, List<Item> items) {

  public FeedAnswer {
    items = List.copyOf(items);
  }

  /** What happened to one requested entry. */
  public enum Status {
    OK,
    NOT_FOUND,
    ARCHIVED,
    BLOCKED,
    NO_ARTWORK
  }

  /** The step of the resolution chain that chose the artwork. */
  public enum Source {
    EXPERIMENT,
    AUDIENCE_WINNER,
    DEFAULT,
    FALLBACK
  }

  /** The ids an app copies into events about this artwork; {@code armId} null when held out. */
  public record Tracking(UUID experimentId, UUID armId, UUID audienceGroupId) {}

  /**
   * @param entry null when not found
   * @param source null unless OK
   * @param variant null unless OK
   * @param tracking null unless an experiment enrolled (or held out) the viewer for this entry
   */
  public record Item(
      String requested,
      FeedEntry entry,
      Status status,
      String title,
      Source source,
      FeedVariant variant,
      Tracking tracking) {

    static Item missing(String requested, FeedEntry entry, Status status, String title) {
      return new Item(requested, entry, status, title, null, null, null);
    }
  }
}
