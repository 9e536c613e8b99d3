package dev.marquee.experiment.events;

/** What a viewer did with the artwork. */
public enum EventType {
  IMPRESSION,
  CLICK,
  PLAY
}
