package dev.marquee.render.region;

/** A suggestion waits for an editor's decision, which is final. */
public enum SuggestionStatus {
  PENDING,
  ACCEPTED,
  REJECTED
}
