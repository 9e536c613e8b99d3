package dev.marquee.render.bench;

import dev.marquee.render.engine.ImageLimits;
import dev.marquee.render.engine.SourceDecoder;
import dev.marquee.render.engine.SourceImageInspector;
import dev.marquee.render.engine.VariantRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders the benchmark variant of one source with N renders at once, then exits 0; an
 * OutOfMemoryError exits non-zero. benchmarks/render.sh runs it under decreasing {@code -Xmx} to
 * find the smallest heap N concurrent renders fit in (peak heap per concurrent render).
 *
 * <p>Usage: {@code RenderOnce <source file name> <concurrent renders>}
 */
public final class RenderOnce {
  private RenderOnce() {}

  public static void main(String[] args) throws Exception {
    byte[] bytes = BenchmarkVariant.read(args[0]);
    int concurrent = Integer.parseInt(args[1]);
    VariantRenderer renderer =
        new VariantRenderer(new SourceDecoder(new SourceImageInspector(ImageLimits.defaults())));
    ExecutorService pool = Executors.newFixedThreadPool(concurrent);
    try {
      List<Future<?>> renders = new ArrayList<>();
      for (int i = 0; i < concurrent; i++) {
        renders.add(
            pool.submit(
                () ->
                    renderer.render(
                        bytes,
                        BenchmarkVariant.spec(true),
                        BenchmarkVariant.REGION,
                        BenchmarkVariant.TEXTS)));
      }
      for (Future<?> render : renders) {
        render.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
