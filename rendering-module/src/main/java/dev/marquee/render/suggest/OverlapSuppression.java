package dev.marquee.render.suggest;

import java.util.ArrayList;
import java.util.List;

/**
 * Non-maximum suppression: walks candidates best first and drops any that overlaps one already
 * kept, either by intersection over union or by lying mostly inside it (a cluster of windows on one
 * eye inside the face found around it).
 */
final class OverlapSuppression {
  private final double maxIntersectionOverUnion;
  private final double maxContainedFraction;

  OverlapSuppression(double maxIntersectionOverUnion, double maxContainedFraction) {
    this.maxIntersectionOverUnion = maxIntersectionOverUnion;
    this.maxContainedFraction = maxContainedFraction;
  }

  /** Returns the kept candidates, best first. */
  List<FaceCandidate> apply(List<FaceCandidate> candidates) {
    List<FaceCandidate> sorted = new ArrayList<>(candidates);
    sorted.sort(FaceCandidate.BEST_FIRST);
    List<FaceCandidate> kept = new ArrayList<>();
    for (FaceCandidate candidate : sorted) {
      if (kept.stream().noneMatch(k -> overlaps(k.box(), candidate.box()))) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  private boolean overlaps(Box a, Box b) {
    double intersection = a.intersectionArea(b);
    if (intersection == 0) {
      return false;
    }
    double union = a.area() + b.area() - intersection;
    return intersection / union > maxIntersectionOverUnion
        || intersection / Math.min(a.area(), b.area()) > maxContainedFraction;
  }
}
