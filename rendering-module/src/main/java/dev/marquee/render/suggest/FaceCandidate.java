package dev.marquee.render.suggest;

import java.util.Comparator;

/**
 * A face as the detector sees it: the mean box of a cluster of agreeing windows, how many windows
 * agree ({@code support}) and the best last-stage sum among them.
 */
record FaceCandidate(Box box, int support, double bestStageSum) {

  /**
   * Best first: more agreeing windows, then a higher stage sum, then top-left first, so the order
   * is total and runs are reproducible.
   */
  static final Comparator<FaceCandidate> BEST_FIRST =
      Comparator.comparingInt(FaceCandidate::support)
          .thenComparingDouble(FaceCandidate::bestStageSum)
          .reversed()
          .thenComparingDouble(c -> c.box().y())
          .thenComparingDouble(c -> c.box().x());
}
