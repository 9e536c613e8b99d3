package dev.marquee.render.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapSuppressionTest {
  final OverlapSuppression suppression = new OverlapSuppression(0.3, 0.6);

  static FaceCandidate candidate(double x, double y, double size, int support) {
    return new FaceCandidate(new Box(x, y, size, size), support, 0);
  }

  @Test
  void keepsTheBestOfOverlappingCandidatesAndSortsBestFirst() {
    FaceCandidate weakOverlap = candidate(110, 110, 100, 4);
    FaceCandidate strong = candidate(100, 100, 100, 30);
    FaceCandidate elsewhere = candidate(400, 50, 60, 12);

    assertThat(suppression.apply(List.of(weakOverlap, elsewhere, strong)))
        .containsExactly(strong, elsewhere);
  }

  @Test
  void dropsACandidateLyingInsideABetterOne() {
    FaceCandidate face = candidate(100, 100, 120, 25);
    FaceCandidate eye = candidate(120, 130, 30, 5); // IoU small, but wholly inside the face

    assertThat(suppression.apply(List.of(eye, face))).containsExactly(face);
  }

  @Test
  void keepsSeparateFaces() {
    FaceCandidate left = candidate(0, 0, 50, 10);
    FaceCandidate right = candidate(60, 0, 50, 10);

    assertThat(suppression.apply(List.of(right, left))).containsExactly(left, right);
  }
}
