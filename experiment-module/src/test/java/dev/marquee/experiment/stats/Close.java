package dev.marquee.experiment.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Relative-tolerance assertions for reference values that span many orders of magnitude. */
final class Close {
  private Close() {}

  static void relative(double actual, double expected, double relativeTolerance) {
    assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * relativeTolerance + 1e-300));
  }
}
