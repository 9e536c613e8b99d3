package dev.marquee.render.suggest;

import dev.marquee.render.engine.TestImages;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: prints the median time of one face detection on astronaut.png (20 timed runs after
 * warm-up) for docs/benchmarks.md. Run from the module's test classpath with {@code
 * -Dmarquee.testdata=<shared>/testdata/images}.
 */
public final class FaceDetectionTiming {
  private FaceDetectionTiming() {}

  public static void main(String[] args) {
    long loadStart = System.nanoTime();
    FaceDetector detector = FaceDetector.shared().orElseThrow();
    System.out.printf("load (natives + cascade): %.0f ms%n", (System.nanoTime() - loadStart) / 1e6);
    BufferedImage image = TestImages.read(TestImages.bytes("astronaut.png"));
    List<RegionSuggestion> faces = List.of();
    for (int i = 0; i < 5; i++) {
      faces = detector.suggest(image);
    }
    int runs = 20;
    double[] millis = new double[runs];
    // CPU time too: on a shared, busy machine wall time mostly measures the queue for a core.
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      detector.suggest(image);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    double cpuPerRun = (os.getProcessCpuTime() - cpuStart) / 1e6 / runs;
    Arrays.sort(millis);
    System.out.printf(
        "astronaut.png %dx%d: median %.1f ms, min %.1f ms, max %.1f ms over %d runs,"
            + " %.1f ms CPU per run (process, all threads); %s%n",
        image.getWidth(),
        image.getHeight(),
        (millis[runs / 2 - 1] + millis[runs / 2]) / 2,
        millis[0],
        millis[runs - 1],
        runs,
        cpuPerRun,
        faces);
  }
}
