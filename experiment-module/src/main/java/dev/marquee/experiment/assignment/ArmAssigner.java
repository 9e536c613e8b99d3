package dev.marquee.experiment.assignment;

import java.util.List;
import java.util.Objects;

/**
 * Assigns viewers to the arms of one experiment exactly as GrowthBook's v2 hashing and bucketing
 * would ({@code chooseVariation(hash(seed, viewerId, 2), getBucketRanges(n, coverage, weights))}).
 *
 * <p>Immutable and thread-safe. {@link #assign} allocates nothing: the FNV state after the seed is
 * precomputed and continued over the viewer id's code units, and the inner hash's decimal digits
 * are hashed arithmetically instead of being formatted into a String.
 */
public final class ArmAssigner {

  /** Returned when the viewer has no id or falls outside coverage. */
  public static final int NOT_ENROLLED = -1;

  private final int seedState;
  private final double[] starts;
  private final double[] ends;

  /**
   * @param seed the experiment's hash seed (stable for its lifetime)
   * @param coverage share of viewers enrolled, clamped to [0, 1]
   * @param weights per-arm traffic weights summing to 1 (null for equal)
   * @param arms number of arms
   */
  public ArmAssigner(String seed, int arms, double coverage, double[] weights) {
    Objects.requireNonNull(seed, "seed");
    this.seedState = GrowthBookHash.fnv1a32(seed);
    List<BucketRange> ranges = BucketRanges.of(arms, coverage, weights);
    this.starts = new double[ranges.size()];
    this.ends = new double[ranges.size()];
    for (int i = 0; i < ranges.size(); i++) {
      starts[i] = ranges.get(i).start();
      ends[i] = ranges.get(i).end();
    }
  }

  /** Arm index for the viewer, or {@link #NOT_ENROLLED} (as GrowthBook does for an empty id). */
  public int assign(CharSequence viewerId) {
    if (viewerId == null || viewerId.length() == 0) {
      return NOT_ENROLLED;
    }
    double n = GrowthBookHash.v2FromInnerHash(GrowthBookHash.continueFnv1a32(seedState, viewerId));
    for (int i = 0; i < starts.length; i++) {
      if (n >= starts[i] && n < ends[i]) {
        return i;
      }
    }
    return NOT_ENROLLED;
  }

  /** Number of arms. */
  public int arms() {
    return starts.length;
  }
}
