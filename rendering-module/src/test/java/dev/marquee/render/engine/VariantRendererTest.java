package dev.marquee.render.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VariantRendererTest {
  private static final String LONG_TITLE =
      "The Extraordinarily Long and Winding Journey of Commander Eileen Collins Through the"
          + " Outer Reaches of the Solar System and Back Again";
  private static final NormalizedRect SAFE = new NormalizedRect(0.05, 0.05, 0.9, 0.9);

  private final SourceDecoder decoder =
      new SourceDecoder(new SourceImageInspector(ImageLimits.defaults()));
  private final VariantRenderer renderer = new VariantRenderer(decoder);

  @Test
  void producesEveryRequestedSizeExactly() {
    List<OutputSize> sizes =
        List.of(new OutputSize(320, 180), new OutputSize(200, 300), new OutputSize(97, 97));
    for (OutputFormat format :
        List.of(OutputFormat.jpeg(0.85f), OutputFormat.png(), OutputFormat.webp(0.8f))) {
      List<Rendition> renditions =
          renderer.render(
              TestImages.bytes("astronaut.png"),
              spec(CropSpec.region(0.2, 0.5, Placement.RULE_OF_THIRDS), sizes, List.of(), format),
              CropCalculatorTest.ASTRONAUT_FACE,
              Map.of());
      assertThat(renditions).hasSize(3);
      for (int i = 0; i < sizes.size(); i++) {
        Rendition r = renditions.get(i);
        assertThat(r.format()).isEqualTo(format.format());
        BufferedImage decoded = TestImages.read(r.bytes());
        assertThat(decoded.getWidth()).isEqualTo(sizes.get(i).width()).isEqualTo(r.width());
        assertThat(decoded.getHeight()).isEqualTo(sizes.get(i).height()).isEqualTo(r.height());
        assertThat(r.sha256()).isEqualTo(ContentHash.sha256Hex(r.bytes()));
      }
    }
  }

  @Test
  void theFaceIsInsideTheCropOfEveryAspect() {
    SourceImage source = decoder.open(TestImages.bytes("astronaut.png"));
    List<OutputSize> sizes =
        List.of(new OutputSize(1600, 900), new OutputSize(400, 600), new OutputSize(500, 500));
    RenderPlan plan =
        renderer.plan(
            source,
            spec(
                CropSpec.region(0.15, 1, Placement.RULE_OF_THIRDS),
                sizes,
                List.of(),
                OutputFormat.png()),
            CropCalculatorTest.ASTRONAUT_FACE);
    PixelRect face = PixelRect.covering(CropCalculatorTest.ASTRONAUT_FACE, 512, 512);
    assertThat(plan.crops())
        .hasSize(3)
        .allSatisfy(crop -> assertThat(crop.contains(face)).isTrue());
    assertThat(plan.decodeRegion().contains(plan.crops().get(0))).isTrue();
  }

  @Test
  void largeSourcesAreSubsampledWhileDecoding() {
    byte[] source4k = TestImages.encode(SourceDecoderTest.generated4k(), "jpg");
    RenderSpec spec =
        spec(
            CropSpec.center(),
            List.of(new OutputSize(320, 180), new OutputSize(160, 90)),
            List.of(),
            OutputFormat.jpeg(0.8f));
    RenderPlan plan = renderer.plan(decoder.open(source4k), spec, null);
    assertThat(plan.shrink()).isEqualTo(8); // 1/8 in the DCT domain still leaves 480x270
    List<Rendition> out = renderer.render(source4k, spec, null, Map.of());
    assertThat(TestImages.read(out.get(0).bytes()).getWidth()).isEqualTo(320);
    assertThat(TestImages.read(out.get(1).bytes()).getHeight()).isEqualTo(90);
  }

  @Test
  void theShrinkOnLoadPathMatchesAFullDecodeAndAreaAveragingWithinTolerance() {
    BufferedImage photo = TestImages.read(TestImages.bytes("astronaut.png"));
    BufferedImage big = new BufferedImage(3840, 2160, BufferedImage.TYPE_INT_RGB);
    var g = big.createGraphics();
    g.setRenderingHint(
        java.awt.RenderingHints.KEY_INTERPOLATION,
        java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(photo, 0, 0, 3840, 2160, null);
    g.dispose();
    byte[] jpeg = SourceDecoderTest.highQualityJpeg(big);
    List<OutputSize> sizes =
        List.of(new OutputSize(1280, 720), new OutputSize(640, 360), new OutputSize(342, 192));
    RenderSpec spec =
        spec(
            CropSpec.region(0.2, 0.2, Placement.RULE_OF_THIRDS),
            sizes,
            List.of(),
            OutputFormat.png());
    NormalizedRect face = CropCalculatorTest.ASTRONAUT_FACE;
    RenderPlan plan = renderer.plan(decoder.open(jpeg), spec, face);
    assertThat(plan.shrink()).isGreaterThan(1);
    List<Rendition> out = renderer.render(jpeg, spec, face, Map.of());
    // The old path, independently: ImageIO's full-resolution decode, the same crop, Java2D's
    // area-averaging downscale.
    BufferedImage reference = TestImages.read(jpeg);
    for (int i = 0; i < sizes.size(); i++) {
      PixelRect crop = plan.crops().get(i);
      OutputSize size = sizes.get(i);
      BufferedImage expected =
          new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
      var eg = expected.createGraphics();
      eg.drawImage(
          reference
              .getSubimage(crop.x(), crop.y(), crop.width(), crop.height())
              .getScaledInstance(size.width(), size.height(), java.awt.Image.SCALE_AREA_AVERAGING),
          0,
          0,
          null);
      eg.dispose();
      BufferedImage actual = TestImages.read(out.get(i).bytes());
      assertThat(actual.getWidth()).isEqualTo(size.width());
      assertThat(actual.getHeight()).isEqualTo(size.height());
      assertThat(SourceDecoderTest.meanAbsoluteDifference(actual, expected))
          .as("%sx%s", size.width(), size.height())
          .isLessThan(2.5);
    }
  }

  @Test
  void jpegRenditionsSubsampleChromaBelowQuality90AndKeepItFrom90() throws Exception {
    RenderSpec low =
        spec(
            CropSpec.center(),
            List.of(new OutputSize(64, 64)),
            List.of(),
            OutputFormat.jpeg(0.85f));
    RenderSpec high =
        spec(
            CropSpec.center(), List.of(new OutputSize(64, 64)), List.of(), OutputFormat.jpeg(0.9f));
    byte[] source = TestImages.bytes("chelsea.png");
    assertThat(lumaSampling(renderer.render(source, low, null, Map.of()).get(0).bytes()))
        .isEqualTo("2x2");
    assertThat(lumaSampling(renderer.render(source, high, null, Map.of()).get(0).bytes()))
        .isEqualTo("1x1");
  }

  /** The first component's sampling factors from the JPEG's frame header, e.g. "2x2". */
  private static String lumaSampling(byte[] jpeg) {
    int pos = 2;
    while (true) {
      int marker = jpeg[pos + 1] & 0xFF;
      int length = (jpeg[pos + 2] & 0xFF) << 8 | jpeg[pos + 3] & 0xFF;
      if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
        int factors = jpeg[pos + 2 + 9] & 0xFF; // after length, precision, height, width, count, id
        return (factors >> 4) + "x" + (factors & 0xF);
      }
      pos += 2 + length;
    }
  }

  @Test
  void sameInputsGiveSameBytes() {
    for (OutputFormat format :
        List.of(OutputFormat.jpeg(0.8f), OutputFormat.png(), OutputFormat.webp(0.75f))) {
      RenderSpec spec = fullTemplate(format);
      List<Rendition> first =
          renderer.render(TestImages.bytes("chelsea.png"), spec, null, Map.of("title", "Chelsea"));
      List<Rendition> second =
          renderer.render(TestImages.bytes("chelsea.png"), spec, null, Map.of("title", "Chelsea"));
      assertThat(second)
          .extracting(Rendition::sha256)
          .isEqualTo(first.stream().map(Rendition::sha256).toList());
    }
  }

  @Test
  void textLayoutStaysInsideTheSafeAreaAtEverySize() {
    Overlay.Text title =
        new Overlay.Text(
            "title",
            NormalizedRect.full(),
            Anchor.BOTTOM_LEFT,
            BundledFonts.SANS_BOLD,
            0.12,
            Color.WHITE,
            Color.BLACK,
            3);
    for (int[] size : new int[][] {{1280, 720}, {320, 180}, {200, 300}, {64, 64}, {30, 500}}) {
      Rectangle2D safe = OverlayPainter.safeArea(SAFE, size[0], size[1]);
      for (String text :
          List.of(
              LONG_TITLE,
              "Short",
              "Supercalifragilisticexpialidociousness",
              "Ωμέγα Привет مرحبا")) {
        TextBlock block = OverlayPainter.layoutText(title, text, safe, size[1]);
        assertThat(block.lines().size()).isLessThanOrEqualTo(3);
        if (!block.lines().isEmpty()) {
          assertThat(safe.contains(block.bounds()))
              .as("%s in %sx%s: %s not in %s", text, size[0], size[1], block.bounds(), safe)
              .isTrue();
        }
      }
    }
  }

  @Test
  void drawnTextPixelsNeverLeaveTheSafeArea() {
    byte[] black = TestImages.encode(TestImages.solid(400, 400, 0x000000), "png");
    Overlay.Text title =
        new Overlay.Text(
            "title",
            new NormalizedRect(0, 0.3, 1, 0.7),
            Anchor.BOTTOM_CENTER,
            BundledFonts.SANS_BOLD,
            0.2,
            Color.WHITE,
            new Color(0, 0, 255),
            2);
    List<OutputSize> sizes = List.of(new OutputSize(640, 360), new OutputSize(180, 270));
    List<Rendition> out =
        renderer.render(
            black,
            spec(CropSpec.center(), sizes, List.of(title), OutputFormat.png()),
            null,
            Map.of("title", LONG_TITLE + " Wjgqy ÅÉ"));
    for (Rendition r : out) {
      BufferedImage image = TestImages.read(r.bytes());
      Rectangle2D safe = OverlayPainter.safeArea(SAFE, r.width(), r.height());
      int drawn = 0;
      for (int y = 0; y < r.height(); y++) {
        for (int x = 0; x < r.width(); x++) {
          if ((image.getRGB(x, y) & 0xFFFFFF) != 0) {
            drawn++;
            assertThat(safe.contains(x + 0.5, y + 0.5))
                .as("pixel %s,%s of %sx%s outside %s", x, y, r.width(), r.height(), safe)
                .isTrue();
          }
        }
      }
      assertThat(drawn).as("some text was drawn").isGreaterThan(100);
    }
  }

  @Test
  void overlongTextIsEllipsised() {
    Rectangle2D box = new Rectangle2D.Double(0, 0, 300, 200);
    TextBlock block =
        TextBlockLayout.layout(
            LONG_TITLE, box, Anchor.TOP_LEFT, BundledFonts.font(BundledFonts.SANS, 24), 2, 0);
    assertThat(block.lines()).hasSize(2);
    assertThat(block.lines().get(1).text()).endsWith("…");
    TextBlock fits =
        TextBlockLayout.layout(
            "Short title", box, Anchor.TOP_LEFT, BundledFonts.font(BundledFonts.SANS, 24), 2, 0);
    assertThat(fits.lines()).extracting(TextBlock.Line::text).containsExactly("Short title");
  }

  @Test
  void badgeAndLogoAreDrawnInTheirCorners() {
    BufferedImage logo = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 20; y++) {
      for (int x = 0; x < 40; x++) {
        logo.setRGB(x, y, 0xFF00FF00); // opaque green
      }
    }
    RenderSpec spec =
        spec(
            CropSpec.center(),
            List.of(new OutputSize(400, 200)),
            List.of(
                new Overlay.Logo(TestImages.encode(logo, "png"), Anchor.TOP_LEFT, 0.2),
                new Overlay.Badge(
                    "NEW",
                    Anchor.BOTTOM_RIGHT,
                    BundledFonts.SANS_BOLD,
                    0.1,
                    Color.WHITE,
                    Color.RED)),
            OutputFormat.png());
    byte[] black = TestImages.encode(TestImages.solid(400, 200, 0x000000), "png");
    BufferedImage out =
        TestImages.read(renderer.render(black, spec, null, Map.of()).get(0).bytes());
    // Safe area starts at 20,10; the logo is 72 px wide.
    assertThat(out.getRGB(25, 15) & 0xFFFFFF).isEqualTo(0x00FF00);
    assertThat(out.getRGB(15, 5) & 0xFFFFFF).isEqualTo(0x000000);
    // The badge's rounded rectangle sits against the bottom-right of the safe area (380,190).
    assertThat(out.getRGB(376, 183) & 0xFFFFFF).isEqualTo(0xFF0000);
    assertThat(out.getRGB(385, 195) & 0xFFFFFF).isEqualTo(0x000000);
  }

  @Test
  void scrimDarkensTheBottomEdge() {
    byte[] white = TestImages.encode(TestImages.solid(100, 100, 0xFFFFFF), "png");
    RenderSpec spec =
        spec(
            CropSpec.center(),
            List.of(new OutputSize(100, 100)),
            List.of(new Overlay.Scrim(false, 0.5, Color.BLACK)),
            OutputFormat.png());
    BufferedImage out =
        TestImages.read(renderer.render(white, spec, null, Map.of()).get(0).bytes());
    assertThat(out.getRGB(50, 99) & 0xFF).isLessThan(10);
    assertThat(out.getRGB(50, 75) & 0xFF).isBetween(100, 160);
    assertThat(out.getRGB(50, 40) & 0xFF).isEqualTo(255);
  }

  @Test
  void transparentSourcesAreFlattenedOntoTheBackgroundForJpeg() {
    BufferedImage clear = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB);
    RenderSpec spec =
        new RenderSpec(
            CropSpec.center(),
            List.of(new OutputSize(50, 50)),
            List.of(),
            OutputFormat.jpeg(0.9f),
            new Color(0x20, 0x40, 0x80),
            SAFE);
    BufferedImage out =
        TestImages.read(
            renderer.render(TestImages.encode(clear, "png"), spec, null, Map.of()).get(0).bytes());
    int rgb = out.getRGB(25, 25);
    assertThat(rgb >> 16 & 0xFF).isBetween(0x1C, 0x24);
    assertThat(rgb & 0xFF).isBetween(0x7C, 0x84);
  }

  @Test
  void matchesTheGoldenImageWithinTolerance() throws IOException {
    List<Rendition> out =
        renderer.render(
            TestImages.bytes("astronaut.png"),
            fullTemplate(OutputFormat.png()),
            CropCalculatorTest.ASTRONAUT_FACE,
            Map.of("title", "Commander Collins: Into Orbit"));
    BufferedImage actual = TestImages.read(out.get(0).bytes());
    String name = "golden-astronaut-320x180.png";
    String update = System.getProperty("marquee.golden.update");
    if (update != null) {
      // Regenerate deliberately: -Dmarquee.golden.update=<src/test/resources dir of this module>
      Path target = Path.of(update, "dev/marquee/render/engine", name);
      Files.createDirectories(target.getParent());
      Files.write(target, out.get(0).bytes());
    }
    BufferedImage golden;
    try (InputStream in = getClass().getResourceAsStream(name)) {
      assertThat(in).as("golden image %s", name).isNotNull();
      golden = TestImages.read(in.readAllBytes());
    }
    assertThat(actual.getWidth()).isEqualTo(golden.getWidth());
    assertThat(actual.getHeight()).isEqualTo(golden.getHeight());
    double total = 0;
    for (int y = 0; y < actual.getHeight(); y++) {
      for (int x = 0; x < actual.getWidth(); x++) {
        int a = actual.getRGB(x, y);
        int g = golden.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          total += Math.abs((a >> shift & 0xFF) - (g >> shift & 0xFF));
        }
      }
    }
    double meanAbsoluteDifference = total / (actual.getWidth() * actual.getHeight() * 3.0);
    // Tolerates font rasteriser and resampler differences between JDK builds, not layout changes.
    assertThat(meanAbsoluteDifference).isLessThan(3.0);
  }

  @Test
  void impossibleSpecsAreRefusedWithAClearMessage() {
    assertInvalid(() -> new OutputSize(0, 100), "positive");
    assertInvalid(() -> new OutputSize(-5, 100), "positive");
    assertInvalid(() -> new OutputSize(8193, 100), "8192");
    assertInvalid(() -> new OutputSize(7000, 7000), "40 Mpx");
    assertInvalid(
        () ->
            new Overlay.Text(
                "title", SAFE, Anchor.CENTER, "Comic Sans MS", 0.1, Color.WHITE, null, 2),
        "unknown font 'Comic Sans MS'");
    assertInvalid(
        () ->
            new Overlay.Text(
                "title", SAFE, Anchor.CENTER, BundledFonts.SANS, 0, Color.WHITE, null, 2),
        "font size");
    assertInvalid(
        () -> new Overlay.Badge("x", Anchor.CENTER, "Nope", 0.1, Color.WHITE, Color.RED),
        "unknown font");
    assertInvalid(
        () -> spec(CropSpec.center(), List.of(), List.of(), OutputFormat.png()), "output sizes");
    assertInvalid(() -> OutputFormat.jpeg(1.5f), "quality");
  }

  @Test
  void aBadLogoIsAnInvalidTemplateNotABadSource() {
    RenderSpec spec =
        spec(
            CropSpec.center(),
            List.of(new OutputSize(10, 10)),
            List.of(new Overlay.Logo("GIF89a....".getBytes(), Anchor.TOP_LEFT, 0.2)),
            OutputFormat.png());
    assertInvalid(
        () -> renderer.render(TestImages.bytes("rocket.jpg"), spec, null, Map.of()),
        "logo rejected (image.unsupported_format)");
  }

  @Test
  void rejectedSourcesSurfaceAsTypedExceptions() {
    RenderSpec spec =
        spec(CropSpec.center(), List.of(new OutputSize(10, 10)), List.of(), OutputFormat.png());
    assertThatThrownBy(
            () ->
                renderer.render(
                    SourceImageInspectorTest.pngHeaderOnly(100_000, 100_000), spec, null, Map.of()))
        .isInstanceOfSatisfying(
            ImageRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.DIMENSIONS_TOO_LARGE));
  }

  private static void assertInvalid(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidRenderSpecException.class)
        .hasMessageContaining(message);
  }

  private static RenderSpec spec(
      CropSpec crop, List<OutputSize> sizes, List<Overlay> overlays, OutputFormat format) {
    return new RenderSpec(crop, sizes, overlays, format, null, SAFE);
  }

  /** Scrim, title with shadow, badge: the kind of template editors will build. */
  private static RenderSpec fullTemplate(OutputFormat format) {
    return new RenderSpec(
        CropSpec.region(0.2, 0.6, Placement.RULE_OF_THIRDS),
        List.of(new OutputSize(320, 180), new OutputSize(120, 180)),
        List.of(
            new Overlay.Scrim(false, 0.5, new Color(0, 0, 0, 200)),
            new Overlay.Text(
                "title",
                new NormalizedRect(0, 0.5, 0.7, 0.5),
                Anchor.BOTTOM_LEFT,
                BundledFonts.SANS_BOLD,
                0.1,
                Color.WHITE,
                new Color(0, 0, 0, 160),
                2),
            new Overlay.Badge(
                "NEW",
                Anchor.TOP_RIGHT,
                BundledFonts.SANS_BOLD,
                0.07,
                Color.WHITE,
                new Color(0xE50914))),
        format,
        Color.BLACK,
        SAFE);
  }
}
