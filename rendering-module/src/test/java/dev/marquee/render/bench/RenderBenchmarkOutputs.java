package dev.marquee.render.bench;

import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.Rendition;
import dev.marquee.render.engine.SourceDecoder;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.engine.VariantRenderer;
import java.nio.file.Files;
import java.util.List;

/**
 * Writes Marquee's renditions of the benchmark variant (with and without overlays) for the file
 * size and PSNR comparison with libvips in benchmarks/render.sh.
 */
public final class RenderBenchmarkOutputs {
  private RenderBenchmarkOutputs() {}

  public static void main(String[] args) throws Exception {
    VariantRenderer renderer =
        new VariantRenderer(new SourceDecoder(new SourceImageInspector(ImageLimits.defaults())));
    for (String source :
        List.of("src-3840x2160.jpg", "src-1920x1080.jpg", "src-3840x2160-adobergb.jpg")) {
      byte[] bytes = BenchmarkVariant.read(source);
      String stem = source.replace(".jpg", "");
      for (boolean overlays : List.of(true, false)) {
        List<Rendition> renditions =
            renderer.render(
                bytes,
                BenchmarkVariant.spec(overlays),
                BenchmarkVariant.REGION,
                BenchmarkVariant.TEXTS);
        for (Rendition r : renditions) {
          String name = "marquee-" + stem + "-" + r.width() + (overlays ? "" : "-plain") + ".jpg";
          Files.write(BenchmarkVariant.dir().resolve(name), r.bytes());
        }
      }
    }
  }
}
