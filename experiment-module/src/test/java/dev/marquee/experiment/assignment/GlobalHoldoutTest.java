package dev.marquee.experiment.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GlobalHoldoutTest {

  @Test
  void membershipIsTheV2HashOfTheFixedSaltBelowTheShare() {
    GlobalHoldout holdout = new GlobalHoldout(0.1);
    for (int i = 0; i < 1000; i++) {
      String viewer = "viewer-" + i;
      assertThat(holdout.contains(viewer))
          .isEqualTo(GrowthBookHash.hash("marquee:global-holdout", viewer, 2) < 0.1);
    }
  }

  @Test
  void holdsOutTheShareIndependentlyOfExperimentArms() {
    GlobalHoldout holdout = new GlobalHoldout(0.1);
    ArmAssigner arms = new ArmAssigner("6c1b7d2f9e3a4b58:0", 2, 1, new double[] {0.5, 0.5});
    int n = 100_000;
    int held = 0;
    int heldInArm1 = 0;
    for (int i = 0; i < n; i++) {
      String viewer = "profile-" + i;
      if (holdout.contains(viewer)) {
        held++;
        heldInArm1 += arms.assign(viewer);
      }
    }
    // binomial sd at n = 100,000, p = 0.1 is 0.00095; 4 sd
    assertThat(held / (double) n).isCloseTo(0.1, within(0.0038));
    // the arm a held-out viewer would have had is still a fair coin (4 sd at ~10,000)
    assertThat(heldInArm1 / (double) held).isCloseTo(0.5, within(0.02));
  }

  @Test
  void zeroShareHoldsOutNobodyAndOutOfRangeIsRefused() {
    assertThat(new GlobalHoldout(0).contains("anyone")).isFalse();
    assertThat(new GlobalHoldout(0.5).contains("")).isFalse();
    assertThatThrownBy(() -> new GlobalHoldout(0.6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GlobalHoldout(-0.1)).isInstanceOf(IllegalArgumentException.class);
  }
}
