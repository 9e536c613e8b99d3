package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RenditionDownscalerTest {
  private final SourceDecoder decoder =
      new SourceDecoder(new SourceImageInspector(ImageLimits.defaults()));
  private final RenditionDownscaler downscaler = new RenditionDownscaler(decoder);

  @Test
  void keepsTheAspectRatioAndTheFormat() {
    byte[] rocket = TestImages.bytes("rocket.jpg");
    BufferedImage original = TestImages.read(rocket);

    byte[] small = downscaler.downscale(rocket, 160, 0.85f);

    assertThat(ImageFormat.sniff(small)).contains(ImageFormat.JPEG);
    BufferedImage image = TestImages.read(small);
    assertThat(image.getWidth()).isEqualTo(160);
    int expectedHeight = Math.round(original.getHeight() * (160f / original.getWidth()));
    assertThat(image.getHeight()).isEqualTo(expectedHeight);
  }

  @Test
  void neverUpscales() {
    byte[] rocket = TestImages.bytes("rocket.jpg");
    int width = TestImages.read(rocket).getWidth();

    assertThat(downscaler.downscale(rocket, width, 0.85f)).isSameAs(rocket);
    assertThat(downscaler.downscale(rocket, width + 500, 0.85f)).isSameAs(rocket);
  }

  @Test
  void sameInputGivesSameBytes() {
    byte[] astronaut = TestImages.bytes("astronaut.png");

    byte[] first = downscaler.downscale(astronaut, 200, 0.85f);
    byte[] second = downscaler.downscale(astronaut, 200, 0.85f);

    assertThat(ContentHash.sha256Hex(first)).isEqualTo(ContentHash.sha256Hex(second));
    assertThat(ImageFormat.sniff(first)).contains(ImageFormat.PNG);
    assertThat(TestImages.read(first).getWidth()).isEqualTo(200);
  }

  @Test
  void pngTransparencySurvives() {
    BufferedImage half = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
    for (int x = 0; x < 200; x++) {
      for (int y = 0; y < 200; y++) {
        half.setRGB(x, y, Color.RED.getRGB());
      }
    }
    byte[] png = TestImages.encode(half, "png");

    BufferedImage small = TestImages.read(downscaler.downscale(png, 100, 1f));

    assertThat(small.getColorModel().hasAlpha()).isTrue();
    assertThat(small.getRGB(80, 25) >>> 24).isZero(); // the transparent half stays transparent
    assertThat(small.getRGB(10, 25)).isEqualTo(Color.RED.getRGB());
  }

  @Test
  void aWidthBelowOneIsAProgrammingError() {
    assertThatThrownBy(() -> downscaler.downscale(TestImages.bytes("rocket.jpg"), 0, 0.85f))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
