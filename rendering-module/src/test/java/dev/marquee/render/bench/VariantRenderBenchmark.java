package dev.marquee.render.bench;

import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.RenderSpec;
import dev.marquee.render.engine.Rendition;
import dev.marquee.render.engine.SourceDecoder;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.engine.VariantRenderer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One full variant (crop, three sizes, title, logo, JPEG q85) per operation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VariantRenderBenchmark {
  @Param({"src-3840x2160.jpg", "src-1920x1080.jpg", "src-3840x2160-adobergb.jpg"})
  public String source;

  private byte[] bytes;
  private RenderSpec spec;
  private final VariantRenderer renderer =
      new VariantRenderer(new SourceDecoder(new SourceImageInspector(ImageLimits.defaults())));

  @Setup
  public void load() {
    bytes = BenchmarkVariant.read(source);
    spec = BenchmarkVariant.spec(true);
  }

  @Benchmark
  public List<Rendition> variant() {
    return renderer.render(bytes, spec, BenchmarkVariant.REGION, BenchmarkVariant.TEXTS);
  }
}
