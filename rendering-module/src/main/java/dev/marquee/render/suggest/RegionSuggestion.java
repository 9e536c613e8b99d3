package dev.marquee.render.suggest;

import dev.marquee.render.engine.NormalizedRect;

/**
 * One proposed region: what was found ({@code kind}, e.g. {@code FACE}), where, and how sure the
 * detector is (0..1, comparable only between suggestions of the same detector).
 */
public record RegionSuggestion(String kind, NormalizedRect rect, double confidence) {
  public RegionSuggestion {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("kind is required");
    }
    if (rect == null) {
      throw new IllegalArgumentException("rect is required");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
  }
}
