package dev.marquee.render.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.engine.TestImages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaceDetectorTest {
  /**
   * Eileen Collins' face in astronaut.png (512×512), read off the image: cheek to cheek x 178–275,
   * hairline to chin y 75–178 (pixels), normalised.
   */
  static final NormalizedRect ASTRONAUT_FACE =
      NormalizedRect.ofCorners(178 / 512.0, 75 / 512.0, 275 / 512.0, 178 / 512.0);

  static FaceDetector detector;

  @BeforeAll
  static void load() {
    // The natives jar for this platform is a build dependency, so the detector must load here.
    assertThat(FaceDetector.isAvailable()).as("OpenCV natives load on linux-x86_64").isTrue();
    detector = FaceDetector.shared().orElseThrow();
  }

  static BufferedImage image(String name) {
    return TestImages.read(TestImages.bytes(name));
  }

  @Test
  void findsTheAstronautsFaceAsTheOnlyLikelyFace() {
    List<RegionSuggestion> faces = detector.suggest(image("astronaut.png"));

    assertThat(faces).isNotEmpty();
    RegionSuggestion best = faces.get(0);
    assertThat(best.kind()).isEqualTo(FaceDetector.KIND);
    assertThat(best.confidence()).isGreaterThanOrEqualTo(FaceDetector.LIKELY_FACE);
    assertThat(iou(best.rect(), ASTRONAUT_FACE)).isGreaterThanOrEqualTo(0.5);
    assertThat(contains(best.rect(), ASTRONAUT_FACE.centerX(), ASTRONAUT_FACE.centerY())).isTrue();
    assertThat(faces).filteredOn(f -> f.confidence() >= FaceDetector.LIKELY_FACE).hasSize(1);
    assertThat(faces).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
  }

  @Test
  void rectanglesAreNormalisedSoADownscaledCopyFindsTheSameFace() {
    BufferedImage small = scaled(image("astronaut.png"), 200, 200);

    List<RegionSuggestion> faces = detector.suggest(small);

    assertThat(faces).isNotEmpty();
    assertThat(iou(faces.get(0).rect(), ASTRONAUT_FACE)).isGreaterThanOrEqualTo(0.5);
  }

  @Test
  void findsBothFacesWhenTheImageHoldsTwoAndOrdersThemBestFirst() {
    BufferedImage astronaut = image("astronaut.png");
    BufferedImage twice = new BufferedImage(1024, 512, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = twice.createGraphics();
    g.drawImage(astronaut, 0, 0, null);
    g.drawImage(astronaut, 512, 0, null);
    g.dispose();

    List<RegionSuggestion> likely =
        detector.suggest(twice).stream()
            .filter(f -> f.confidence() >= FaceDetector.LIKELY_FACE)
            .toList();

    assertThat(likely).hasSize(2);
    assertThat(likely)
        .anySatisfy(f -> assertThat(f.rect().centerX()).isBetween(0.2, 0.3))
        .anySatisfy(f -> assertThat(f.rect().centerX()).isBetween(0.7, 0.8));
    assertThat(likely.get(0).confidence()).isGreaterThanOrEqualTo(likely.get(1).confidence());
  }

  @ParameterizedTest
  @ValueSource(strings = {"coffee.png", "rocket.jpg", "chelsea.png"})
  void findsNoLikelyFaceWhereThereIsNoHumanFace(String name) {
    // coffee.png gets one weak suggestion (3 windows, 0.27) at the cup's rim: hence the threshold.
    assertThat(detector.suggest(image(name)))
        .allSatisfy(f -> assertThat(f.confidence()).isLessThan(FaceDetector.LIKELY_FACE));
  }

  @Test
  void isDeterministic() {
    BufferedImage astronaut = image("astronaut.png");

    assertThat(detector.suggest(astronaut)).isEqualTo(detector.suggest(astronaut));
  }

  @Test
  void concurrentCallsGetTheSameAnswerAsASingleCall() {
    BufferedImage astronaut = image("astronaut.png");
    List<RegionSuggestion> expected = detector.suggest(astronaut);

    List<CompletableFuture<List<RegionSuggestion>>> runs =
        List.of(
            CompletableFuture.supplyAsync(() -> detector.suggest(astronaut)),
            CompletableFuture.supplyAsync(() -> detector.suggest(astronaut)),
            CompletableFuture.supplyAsync(() -> detector.suggest(astronaut)));

    assertThat(runs).allSatisfy(run -> assertThat(run.join()).isEqualTo(expected));
  }

  @Test
  void blankAndTinyImagesYieldNothing() {
    assertThat(detector.suggest(TestImages.solid(640, 480, 0x808080))).isEmpty();
    assertThat(detector.suggest(TestImages.solid(12, 9, 0xFFFFFF))).isEmpty();
    assertThat(detector.suggest(TestImages.solid(1, 1, 0))).isEmpty();
    assertThat(detector.suggest(scaled(image("astronaut.png"), 16, 16))).isEmpty();
  }

  @Test
  void aMissingCascadeMakesTheDetectorUnavailableInsteadOfFailing() {
    assertThat(FaceDetector.load("haarcascades/no-such-cascade.xml")).isEmpty();
  }

  @Test
  void confidenceGrowsWithAgreeingWindowsAndStaysBelowOne() {
    assertThat(FaceDetector.confidence(FaceDetector.MIN_SUPPORT)).isLessThan(0.5);
    assertThat(FaceDetector.confidence(FaceDetector.HALF_CONFIDENCE_SUPPORT)).isEqualTo(0.5);
    assertThat(FaceDetector.confidence(40)).isGreaterThan(0.8).isLessThan(1);
  }

  static BufferedImage scaled(BufferedImage source, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(source, 0, 0, width, height, null);
    g.dispose();
    return out;
  }

  static double iou(NormalizedRect a, NormalizedRect b) {
    double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
    double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
    double intersection = w > 0 && h > 0 ? w * h : 0;
    return intersection / (a.width() * a.height() + b.width() * b.height() - intersection);
  }

  static boolean contains(NormalizedRect r, double x, double y) {
    return x >= r.x() && x <= r.x() + r.width() && y >= r.y() && y <= r.y() + r.height();
  }
}
