package dev.marquee.experiment.feed;

import java.util.List;
import java.util.UUID;

/** A named feed row as the feed answers it. */
public record FeedRowView(String name, String title, List<UUID> entryIds) {
  public FeedRowView {
    entryIds = List.copyOf(entryIds);
  }
}
