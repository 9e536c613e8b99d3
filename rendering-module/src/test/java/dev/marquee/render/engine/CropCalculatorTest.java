package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CropCalculatorTest {
  /** The astronaut's face, checked by eye on the 512×512 image: forehead to chin, ear to ear. */
  static final NormalizedRect ASTRONAUT_FACE = NormalizedRect.ofCorners(0.34, 0.12, 0.56, 0.38);

  private static final double[] ASPECTS = {16 / 9.0, 2 / 3.0, 1.0, 4 / 3.0, 21 / 9.0, 9 / 16.0};

  /** The looser face box an editor might draw (hair and shoulders' edge included). */
  static final NormalizedRect ASTRONAUT_FACE_LOOSE =
      NormalizedRect.ofCorners(0.38, 0.12, 0.62, 0.42);

  @ParameterizedTest
  @ValueSource(doubles = {16 / 9.0, 2 / 3.0, 1.0})
  void astronautFaceIsInsideEveryCrop(double aspect) {
    assertRegionAlwaysInside(ASTRONAUT_FACE, aspect);
    assertRegionAlwaysInside(ASTRONAUT_FACE_LOOSE, aspect);
  }

  private static void assertRegionAlwaysInside(NormalizedRect region, double aspect) {
    PixelRect face = PixelRect.covering(region, 512, 512);
    for (Placement placement : Placement.values()) {
      for (double zoom : new double[] {0, 0.5, 1}) {
        PixelRect crop =
            CropCalculator.compute(
                512, 512, aspect, CropSpec.region(0.1, zoom, placement), region, null);
        assertInside(crop, 512, 512);
        assertThat(crop.contains(face)).as("%s zoom %s: %s", placement, zoom, crop).isTrue();
        assertThat(crop.width() / (double) crop.height()).isCloseTo(aspect, within(0.01));
      }
    }
  }

  @Test
  void fullZoomIsTheTightestWindowAroundThePaddedRegion() {
    NormalizedRect region = NormalizedRect.ofCorners(0.4, 0.4, 0.6, 0.6); // 200×200 on 1000²
    PixelRect crop =
        CropCalculator.compute(
            1000, 1000, 1.0, CropSpec.region(0.25, 1, Placement.CENTER), region, null);
    assertThat(crop).isEqualTo(new PixelRect(350, 350, 300, 300));
  }

  @Test
  void zeroZoomIsTheWidestWindowTheImageAllows() {
    NormalizedRect region = NormalizedRect.ofCorners(0.4, 0.4, 0.6, 0.6);
    PixelRect crop =
        CropCalculator.compute(
            1600, 900, 1.0, CropSpec.region(0, 0, Placement.CENTER), region, null);
    assertThat(crop).isEqualTo(new PixelRect(350, 0, 900, 900));
  }

  @Test
  void ruleOfThirdsPutsTheRegionOnTheUpperThirdLine() {
    NormalizedRect region = NormalizedRect.ofCorners(0.45, 0.45, 0.55, 0.55); // centre 500,500
    PixelRect crop =
        CropCalculator.compute(
            1000, 1000, 1.0, CropSpec.region(0, 0.5, Placement.RULE_OF_THIRDS), region, null);
    double centreY = 500;
    assertThat((centreY - crop.y()) / crop.height()).isCloseTo(1 / 3.0, within(0.01));
  }

  @Test
  void regionAtTheEdgeIsClampedInsideTheImageAndStillContained() {
    NormalizedRect corner = NormalizedRect.ofCorners(0.9, 0.85, 1.0, 1.0);
    for (double aspect : ASPECTS) {
      PixelRect crop =
          CropCalculator.compute(
              800, 600, aspect, CropSpec.region(0.5, 1, Placement.RULE_OF_THIRDS), corner, null);
      assertInside(crop, 800, 600);
      assertThat(crop.contains(PixelRect.covering(corner, 800, 600))).isTrue();
    }
  }

  @Test
  void regionTooTallForAWideAspectIsCentredAndTheWindowIsTheWidestPossible() {
    // A full-height region cannot fit 21:9 on a square image: the window is as big as it gets.
    NormalizedRect tall = NormalizedRect.ofCorners(0.45, 0.0, 0.55, 1.0);
    PixelRect crop =
        CropCalculator.compute(
            900, 900, 21 / 9.0, CropSpec.region(0, 1, Placement.CENTER), tall, null);
    assertThat(crop.width()).isEqualTo(900);
    assertThat(crop.height()).isEqualTo(386);
    assertThat(crop.y()).isEqualTo(257); // centred on the region's centre (450)
  }

  @Test
  void centerIsTheWidestCentredWindow() {
    assertThat(CropCalculator.compute(1600, 900, 1.0, CropSpec.center(), null, null))
        .isEqualTo(new PixelRect(350, 0, 900, 900));
    assertThat(CropCalculator.compute(900, 1600, 16 / 9.0, CropSpec.center(), null, null))
        .isEqualTo(new PixelRect(0, 547, 900, 506));
  }

  @ParameterizedTest
  @CsvSource({"0.0,0", "0.25,0", "0.5,350", "0.9,700", "1.0,700"})
  void focalPointCentresTheWindowAsFarAsTheImageAllows(double fx, int expectedX) {
    PixelRect crop =
        CropCalculator.compute(1600, 900, 1.0, CropSpec.focalPoint(fx, 0.5), null, null);
    assertThat(crop.x()).isEqualTo(expectedX);
    assertThat(crop.width()).isEqualTo(900);
  }

  @Test
  void smartCropFindsTheBusyPartOfAFlatImage() {
    // Flat grey with a saturated, textured patch on the right: the window must include it.
    BufferedImage image = TestImages.solid(320, 100, 0x808080);
    for (int y = 30; y < 70; y++) {
      for (int x = 250; x < 300; x++) {
        image.setRGB(x, y, ((x + y) % 2 == 0) ? 0xFF2020 : 0x2020FF);
      }
    }
    SaliencyMap map = SaliencyMap.of(image);
    PixelRect crop = CropCalculator.compute(3200, 1000, 1.0, CropSpec.smart(), null, map);
    assertThat(crop.width()).isEqualTo(1000);
    assertThat(crop.contains(new PixelRect(2500, 300, 500, 400))).isTrue();
  }

  @Test
  void smartCropOnUniformImageStaysCentred() {
    SaliencyMap map = SaliencyMap.of(TestImages.solid(64, 32, 0x404040));
    assertThat(CropCalculator.compute(2000, 1000, 1.0, CropSpec.smart(), null, map))
        .isEqualTo(new PixelRect(500, 0, 1000, 1000));
  }

  @Test
  void regionStrategyWithoutARegionFallsBackToSmartThenCenter() {
    PixelRect crop =
        CropCalculator.compute(
            2000, 1000, 1.0, CropSpec.region(0.1, 1, Placement.CENTER), null, null);
    assertThat(crop).isEqualTo(new PixelRect(500, 0, 1000, 1000));
  }

  @Test
  void everyStrategyStaysInsideForManyShapes() {
    NormalizedRect region = NormalizedRect.ofCorners(0.1, 0.2, 0.3, 0.5);
    SaliencyMap map = SaliencyMap.of(TestImages.solid(50, 50, 0x123456));
    int[][] images = {{1, 1}, {1, 1000}, {1000, 1}, {641, 427}, {4000, 3000}, {3, 7}};
    for (int[] image : images) {
      for (double aspect : ASPECTS) {
        for (CropSpec spec :
            new CropSpec[] {
              CropSpec.center(),
              CropSpec.smart(),
              CropSpec.focalPoint(0.9, 0.1),
              CropSpec.region(1, 0.3, Placement.RULE_OF_THIRDS)
            }) {
          PixelRect crop = CropCalculator.compute(image[0], image[1], aspect, spec, region, map);
          assertInside(crop, image[0], image[1]);
        }
      }
    }
  }

  @Test
  void invalidInputsAreRefused() {
    assertThatThrownBy(() -> new NormalizedRect(0.5, 0.5, 0.6, 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CropSpec.region(-1, 0.5, Placement.CENTER))
        .isInstanceOf(InvalidRenderSpecException.class);
    assertThatThrownBy(() -> CropSpec.region(0, 1.5, Placement.CENTER))
        .isInstanceOf(InvalidRenderSpecException.class);
    assertThatThrownBy(() -> CropCalculator.compute(0, 10, 1, CropSpec.center(), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static void assertInside(PixelRect crop, int w, int h) {
    assertThat(crop.x()).isGreaterThanOrEqualTo(0);
    assertThat(crop.y()).isGreaterThanOrEqualTo(0);
    assertThat(crop.right()).isLessThanOrEqualTo(w);
    assertThat(crop.bottom()).isLessThanOrEqualTo(h);
  }
}
