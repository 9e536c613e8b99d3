package dev.marquee.render.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowClustersTest {

  static DetectionWindow window(double x, double y, double size, double stageSum) {
    return new DetectionWindow(new Box(x, y, size, size), stageSum);
  }

  @Test
  void windowsAtNeighbouringPositionsAndScalesFormOneCandidate() {
    List<DetectionWindow> windows =
        List.of(
            window(100, 100, 50, 1.0),
            window(104, 98, 50, 3.0),
            window(97, 102, 55, 2.0),
            window(300, 40, 30, 9.0));

    List<FaceCandidate> candidates = WindowClusters.group(windows, WindowClusters.DEFAULT_EPS);

    assertThat(candidates).hasSize(2);
    FaceCandidate face = candidates.get(0);
    assertThat(face.support()).isEqualTo(3);
    assertThat(face.bestStageSum()).isEqualTo(3.0);
    assertThat(face.box().x()).isCloseTo(100.333, org.assertj.core.data.Offset.offset(0.01));
    assertThat(face.box().width()).isCloseTo(51.667, org.assertj.core.data.Offset.offset(0.01));
    assertThat(candidates.get(1).support()).isEqualTo(1);
  }

  @Test
  void similarityIsTransitive() {
    // a~b and b~c but not a~c: still one face, as in OpenCV's partition.
    List<DetectionWindow> windows =
        List.of(window(100, 100, 50, 0), window(109, 100, 50, 0), window(118, 100, 50, 0));

    assertThat(WindowClusters.group(windows, WindowClusters.DEFAULT_EPS))
        .singleElement()
        .extracting(FaceCandidate::support)
        .isEqualTo(3);
  }

  @Test
  void noWindowsNoCandidates() {
    assertThat(WindowClusters.group(List.of(), WindowClusters.DEFAULT_EPS)).isEmpty();
  }
}
