package dev.marquee.render.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.render.engine.CropSpec;
import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.engine.OutputFormat;
import dev.marquee.render.engine.OutputSize;
import dev.marquee.render.engine.Placement;
import dev.marquee.render.engine.RenderPlan;
import dev.marquee.render.engine.RenderSpec;
import dev.marquee.render.engine.Rendition;
import dev.marquee.render.engine.SourceDecoder;
import dev.marquee.render.engine.SourceImage;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.engine.TestImages;
import dev.marquee.render.engine.VariantRenderer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole loop on a real photo through the libjpeg-turbo path: the detector suggests the face on
 * a large JPEG, the renderer crops around it with shrink-on-load, and the detector finds the same
 * face again in every rendition, where the plan put it.
 */
class FaceStaysInTheRenderedCropTest {
  private final SourceDecoder decoder =
      new SourceDecoder(new SourceImageInspector(ImageLimits.defaults()));
  private final VariantRenderer renderer = new VariantRenderer(decoder);

  @Test
  void theSuggestedFaceIsInEveryRenditionWhereThePlanPutIt() {
    byte[] jpeg =
        TestImages.encode(upscaled(TestImages.read(TestImages.bytes("astronaut.png"))), "jpg");
    FaceDetector detector = FaceDetector.shared().orElseThrow();
    SourceImage source = decoder.open(jpeg);
    NormalizedRect face = detector.suggest(decoder.thumbnail(source, 512)).get(0).rect();
    RenderSpec spec =
        new RenderSpec(
            CropSpec.region(0.3, 0.5, Placement.CENTER),
            List.of(new OutputSize(640, 360), new OutputSize(300, 300), new OutputSize(200, 300)),
            List.of(),
            OutputFormat.jpeg(0.9f),
            Color.BLACK,
            NormalizedRect.full());
    RenderPlan plan = renderer.plan(source, spec, face);
    assertThat(plan.shrink()).as("the 2048 px source is shrunk on load").isGreaterThan(1);
    List<Rendition> renditions = renderer.render(jpeg, spec, face, Map.of());
    for (int i = 0; i < renditions.size(); i++) {
      Rendition r = renditions.get(i);
      BufferedImage image = TestImages.read(r.bytes());
      assertThat(image.getWidth()).isEqualTo(r.width());
      assertThat(image.getHeight()).isEqualTo(r.height());
      var crop = plan.crops().get(i);
      // Where the source's face lies in this rendition, normalised.
      double fx = (face.centerX() * 2048 - crop.x()) / crop.width();
      double fy = (face.centerY() * 2048 - crop.y()) / crop.height();
      List<RegionSuggestion> found =
          detector.suggest(image).stream()
              .filter(f -> f.confidence() >= FaceDetector.LIKELY_FACE)
              .toList();
      assertThat(found).as("a face in rendition %sx%s", r.width(), r.height()).isNotEmpty();
      NormalizedRect seen = found.get(0).rect();
      assertThat(seen.centerX())
          .as("face x in %sx%s", r.width(), r.height())
          .isCloseTo(fx, within(0.06));
      assertThat(seen.centerY())
          .as("face y in %sx%s", r.width(), r.height())
          .isCloseTo(fy, within(0.06));
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  private static BufferedImage upscaled(BufferedImage image) {
    BufferedImage big = new BufferedImage(2048, 2048, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = big.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image, 0, 0, 2048, 2048, null);
    g.dispose();
    return big;
  }
}
