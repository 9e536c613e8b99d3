package dev.marquee.render.bench;

import dev.marquee.render.engine.Anchor;
import dev.marquee.render.engine.BundledFonts;
import dev.marquee.render.engine.CropSpec;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.engine.OutputFormat;
import dev.marquee.render.engine.OutputSize;
import dev.marquee.render.engine.Overlay;
import dev.marquee.render.engine.Placement;
import dev.marquee.render.engine.RenderSpec;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The variant every tool renders in benchmarks/render.sh: the region (0.1, 0.1, 0.8, 0.8) of a 16:9
 * source cropped exactly (REGION, no padding, tightest zoom), resized to 1280×720, 640×360 and
 * 342×192, with the title in white bottom-left and a logo top-right at 15% of the width, JPEG q85.
 */
final class BenchmarkVariant {
  static final NormalizedRect REGION = new NormalizedRect(0.1, 0.1, 0.8, 0.8);
  static final List<OutputSize> SIZES =
      List.of(new OutputSize(1280, 720), new OutputSize(640, 360), new OutputSize(342, 192));
  static final Map<String, String> TEXTS = Map.of("title", "The Outer Reaches");

  private BenchmarkVariant() {}

  /** The bench directory benchmarks/render.sh prepared (sources and logo). */
  static Path dir() {
    return Path.of(System.getProperty("bench.dir", "/tmp/marquee-bench/render"));
  }

  static byte[] read(String name) {
    try {
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new IllegalStateException("run benchmarks/render.sh, which prepares " + name, e);
    }
  }

  static RenderSpec spec(boolean overlays) {
    List<Overlay> drawn =
        overlays
            ? List.of(
                new Overlay.Text(
                    "title",
                    new NormalizedRect(0, 0.6, 0.8, 0.4),
                    Anchor.BOTTOM_LEFT,
                    BundledFonts.SANS_BOLD,
                    0.08,
                    Color.WHITE,
                    null,
                    1),
                new Overlay.Logo(read("logo.png"), Anchor.TOP_RIGHT, 0.15))
            : List.of();
    return new RenderSpec(
        CropSpec.region(0, 1, Placement.CENTER),
        SIZES,
        drawn,
        OutputFormat.jpeg(0.85f),
        Color.BLACK,
        new NormalizedRect(0.03, 0.03, 0.94, 0.94));
  }
}
