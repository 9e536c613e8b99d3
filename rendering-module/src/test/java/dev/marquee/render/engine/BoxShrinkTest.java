package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BoxShrinkTest {

  @Test
  void averagesEachBlockAndThePartialOnesAtTheEdges() {
    BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
    int[] values = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140};
    for (int i = 0; i < values.length; i++) {
      image.setRGB(i % 5, i / 5, values[i] << 16 | values[i] << 8 | values[i]);
    }
    BufferedImage out = BoxShrink.shrink(image, new PixelRect(0, 0, 5, 3), 2, 2);
    assertThat(out.getWidth()).isEqualTo(3);
    assertThat(out.getHeight()).isEqualTo(2);
    assertThat(out.getRGB(0, 0) & 0xFF).isEqualTo(30); // (0 + 10 + 50 + 60) / 4 = 30
    assertThat(out.getRGB(2, 0) & 0xFF).isEqualTo(65); // (40 + 90) / 2
    assertThat(out.getRGB(1, 1) & 0xFF).isEqualTo(125); // (120 + 130) / 2
    assertThat(out.getRGB(2, 1) & 0xFF).isEqualTo(140);
  }

  @Test
  void shrinksOnlyTheRegion() {
    BufferedImage image = TestImages.solid(20, 20, 0x000000);
    for (int y = 4; y < 8; y++) {
      for (int x = 6; x < 10; x++) {
        image.setRGB(x, y, 0xFFFFFF);
      }
    }
    BufferedImage out = BoxShrink.shrink(image, new PixelRect(6, 4, 4, 4), 4, 4);
    assertThat(out.getWidth()).isEqualTo(1);
    assertThat(out.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
  }

  @Test
  void alphaIsAveragedPremultiplied() {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0xFFFF0000); // opaque red
    image.setRGB(1, 0, 0x0000FF00); // transparent green
    int argb = BoxShrink.shrink(image, new PixelRect(0, 0, 2, 1), 2, 1).getRGB(0, 0);
    assertThat(argb >>> 24).isEqualTo(128);
    assertThat(argb & 0xFFFFFF).isEqualTo(0xFF0000);
  }
}
