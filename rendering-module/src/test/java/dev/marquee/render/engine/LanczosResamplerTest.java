package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LanczosResamplerTest {

  /**
   * Independent reference: libvips 8.14.1's {@code vips resize --kernel lanczos3} (Debian's
   * libvips-tools), run on the shared coffee.png and committed as PNG:
   *
   * <pre>
   * vips resize coffee.png libvips-lanczos3-coffee-180.png 0.3 --kernel lanczos3
   * vips resize coffee.png libvips-lanczos3-coffee-120.png 0.2 --kernel lanczos3
   * vips crop coffee.png crop.v 150 100 300 200
   * vips resize crop.v libvips-lanczos3-coffee-crop-150.png 0.5 --kernel lanczos3
   * </pre>
   *
   * libvips rounds to 8 bits between its two passes and uses fixed-point weights; this resampler
   * keeps floats, so the results agree closely but not bit for bit.
   */
  @Test
  void matchesLibvipsLanczos3() throws IOException {
    BufferedImage coffee = rgb(TestImages.read(TestImages.bytes("coffee.png")));
    assertThat(psnr(LanczosResampler.resample(coffee, 0, 0, 600, 400, 180, 120), reference(180)))
        .isGreaterThan(50);
    // 5x: a 2x box shrink first, then Lanczos for 2.5x, as libvips does.
    assertThat(psnr(LanczosResampler.resample(coffee, 0, 0, 600, 400, 120, 80), reference(120)))
        .isGreaterThan(50);
    // A window inside the image: libvips cropped first, the resampler reads the window in place.
    BufferedImage windowed = LanczosResampler.resample(coffee, 150, 100, 300, 200, 150, 100);
    assertThat(psnr(windowed, referenceImage("libvips-lanczos3-coffee-crop-150.png")))
        .isGreaterThan(40);
  }

  @Test
  void aFlatImageStaysFlatAtEveryScale() {
    BufferedImage flat = TestImages.solid(97, 61, 0x3C7FD2);
    for (int[] size : new int[][] {{97, 61}, {40, 25}, {13, 7}, {1, 1}, {200, 130}, {3, 90}}) {
      BufferedImage out = LanczosResampler.resample(flat, 0, 0, 97, 61, size[0], size[1]);
      assertThat(out.getWidth()).isEqualTo(size[0]);
      assertThat(out.getHeight()).isEqualTo(size[1]);
      for (int y = 0; y < size[1]; y++) {
        for (int x = 0; x < size[0]; x++) {
          assertThat(out.getRGB(x, y) & 0xFFFFFF)
              .as("%s at %s,%s", size[0], x, y)
              .isEqualTo(0x3C7FD2);
        }
      }
    }
  }

  @Test
  void aWindowGivesTheSamePixelsAsACopyOfIt() {
    BufferedImage coffee = rgb(TestImages.read(TestImages.bytes("coffee.png")));
    BufferedImage copy = rgb(coffee.getSubimage(100, 60, 400, 300));
    BufferedImage fromWindow = LanczosResampler.resample(coffee, 100, 60, 400, 300, 160, 120);
    BufferedImage fromCopy = LanczosResampler.resample(copy, 0, 0, 400, 300, 160, 120);
    // Only the border may differ: the window sees real neighbours where the copy repeats its edge.
    for (int y = 10; y < 110; y++) {
      for (int x = 10; x < 150; x++) {
        assertThat(fromWindow.getRGB(x, y)).isEqualTo(fromCopy.getRGB(x, y));
      }
    }
  }

  @Test
  void aWindowShiftedByOnePixelShiftsTheResult() {
    // A one-pixel-wide white line at x = 20 in a 40-wide image, kept at scale 1 but read from a
    // window shifted by exactly one pixel: the line moves one pixel left.
    BufferedImage line = TestImages.solid(40, 10, 0x000000);
    for (int y = 0; y < 10; y++) {
      line.setRGB(20, y, 0xFFFFFF);
    }
    BufferedImage same = LanczosResampler.resample(line, 0, 0, 40, 10, 40, 10);
    BufferedImage shifted = LanczosResampler.resample(line, 1, 0, 40, 10, 40, 10);
    assertThat(same.getRGB(20, 5) & 0xFF).isEqualTo(255);
    assertThat(shifted.getRGB(19, 5) & 0xFF).isEqualTo(255);
    assertThat(shifted.getRGB(20, 5) & 0xFF).isLessThan(20);
  }

  @Test
  void transparentPixelsAddNoColour() {
    // Left half opaque red, right half fully transparent green: premultiplied resampling keeps
    // green out of the red edge; straight resampling would mix it in.
    BufferedImage image = new BufferedImage(64, 16, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 64; x++) {
        image.setRGB(x, y, x < 32 ? 0xFFFF0000 : 0x0000FF00);
      }
    }
    for (int width : new int[] {32, 10}) {
      BufferedImage out = LanczosResampler.resample(image, 0, 0, 64, 16, width, 4);
      for (int x = 0; x < width; x++) {
        int argb = out.getRGB(x, 2);
        if (argb >>> 24 > 8) {
          assertThat(argb >> 8 & 0xFF).as("green at %s of %s: %08x", x, width, argb).isLessThan(8);
        }
      }
      assertThat(out.getRGB(width - 1, 2) >>> 24).isZero();
      assertThat(out.getRGB(0, 2)).isEqualTo(0xFFFF0000);
    }
  }

  @Test
  void weightsAreNormalisedAndFoldedAtTheEdges() {
    LanczosResampler.Axis axis = LanczosResampler.Axis.of(0, 10, 3, 10);
    for (int o = 0; o < 3; o++) {
      double sum = 0;
      for (int k = 0; k < axis.count()[o]; k++) {
        sum += axis.weights()[o * axis.taps() + k];
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(axis.first()[o]).isGreaterThanOrEqualTo(0);
      assertThat(axis.first()[o] + axis.count()[o]).isLessThanOrEqualTo(10);
    }
    assertThat(LanczosResampler.lanczos3(0)).isEqualTo(1);
    assertThat(LanczosResampler.lanczos3(1))
        .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(LanczosResampler.lanczos3(3.5)).isZero();
  }

  static double psnr(BufferedImage a, BufferedImage b) {
    assertThat(a.getWidth()).isEqualTo(b.getWidth());
    assertThat(a.getHeight()).isEqualTo(b.getHeight());
    double squares = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          int d = (p >> shift & 0xFF) - (q >> shift & 0xFF);
          squares += d * d;
        }
      }
    }
    double mse = squares / (a.getWidth() * a.getHeight() * 3.0);
    return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
  }

  static BufferedImage rgb(BufferedImage image) {
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    var g = out.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return out;
  }

  private BufferedImage reference(int width) throws IOException {
    return referenceImage("libvips-lanczos3-coffee-" + width + ".png");
  }

  private BufferedImage referenceImage(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return TestImages.read(in.readAllBytes());
    }
  }
}
