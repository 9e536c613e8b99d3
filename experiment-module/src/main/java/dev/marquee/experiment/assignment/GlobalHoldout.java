package dev.marquee.experiment.assignment;

/**
 * The global holdout: a fixed share of viewers, chosen by hash, who are never enrolled in any
 * experiment and always see the default artwork, so that the lift of personalisation as a whole can
 * be measured against them.
 *
 * <p>A viewer is held out when {@code GrowthBookHash.hash("marquee:global-holdout", viewerId, 2) <
 * share}. The salt is fixed and differs from every experiment's hash seed (random hex followed by
 * {@code :<bucketVersion>}), so membership is independent of the arm a viewer would get, and any
 * client can reproduce it with a GrowthBook SDK's v2 hash.
 */
public final class GlobalHoldout {
  /** The hash seed of the holdout; never changes (changing it would reshuffle the holdout). */
  public static final String SALT = "marquee:global-holdout";

  /** Largest share accepted: a holdout of more than half the viewers is no longer a holdout. */
  public static final double MAX_SHARE = 0.5;

  private final double share;

  /**
   * @param share the held-out share of viewers, 0 (no holdout) to {@link #MAX_SHARE}
   */
  public GlobalHoldout(double share) {
    if (!(share >= 0 && share <= MAX_SHARE)) {
      throw new IllegalArgumentException("holdout share must be in [0, " + MAX_SHARE + "]");
    }
    this.share = share;
  }

  public double share() {
    return share;
  }

  /** Whether the viewer is held out (never for a null or empty id, which cannot be hashed). */
  public boolean contains(String viewerId) {
    return share > 0
        && viewerId != null
        && !viewerId.isEmpty()
        && GrowthBookHash.hash(SALT, viewerId, 2) < share;
  }
}
