package dev.marquee.experiment.bench;

import dev.marquee.experiment.assignment.ArmAssigner;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Assignments per second on one thread: GrowthBook v2 hashing of a UUID viewer id, coverage and
 * three weighted arms, as {@code AssignmentService} calls it for a viewer without a sticky arm.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AssignmentBenchmark {
  private static final int VIEWERS = 4096; // a power of two: the index wraps with a mask

  private final ArmAssigner assigner =
      new ArmAssigner("experiment-7f3c", 3, 0.9, new double[] {0.5, 0.25, 0.25});
  private final String[] viewers = new String[VIEWERS];
  private int next;

  @Setup
  public void viewers() {
    for (int i = 0; i < VIEWERS; i++) {
      viewers[i] = UUID.nameUUIDFromBytes(Integer.toString(i).getBytes()).toString();
    }
  }

  @Benchmark
  public int assign() {
    return assigner.assign(viewers[next++ & (VIEWERS - 1)]);
  }
}
