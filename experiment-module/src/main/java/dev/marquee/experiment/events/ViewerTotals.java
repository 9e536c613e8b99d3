package dev.marquee.experiment.events;

/**
 * One viewer's running totals in one arm: M (clicks) and D (impressions) of the delta method, and
 * the plays that decide whether they converted.
 */
public record ViewerTotals(long impressions, long clicks, long plays, long qualifiedPlays) {
  /** A viewer nothing has been counted for. */
  public static final ViewerTotals NONE = new ViewerTotals(0, 0, 0, 0);

  /** The totals after one more event. */
  public ViewerTotals plus(EventType type, boolean qualified) {
    return switch (type) {
      case IMPRESSION -> new ViewerTotals(impressions + 1, clicks, plays, qualifiedPlays);
      case CLICK -> new ViewerTotals(impressions, clicks + 1, plays, qualifiedPlays);
      case PLAY ->
          new ViewerTotals(impressions, clicks, plays + 1, qualifiedPlays + (qualified ? 1 : 0));
    };
  }

  public ViewerTotals plus(ViewerTotals o) {
    return new ViewerTotals(
        impressions + o.impressions,
        clicks + o.clicks,
        plays + o.plays,
        qualifiedPlays + o.qualifiedPlays);
  }

  public ViewerTotals minus(ViewerTotals o) {
    return new ViewerTotals(
        impressions - o.impressions,
        clicks - o.clicks,
        plays - o.plays,
        qualifiedPlays - o.qualifiedPlays);
  }

  /** Whether no event has been counted (the viewer is not exposed yet). */
  public boolean isEmpty() {
    return impressions == 0 && clicks == 0 && plays == 0;
  }
}
