package dev.marquee.experiment.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Applies a {@link DecisionRule} to the evidence of an experiment's arms. */
public final class DecisionEvaluator {
  private DecisionEvaluator() {}

  /**
   * @param arms every arm, exactly one of them the control
   */
  public static Verdict evaluate(DecisionRule rule, List<ArmEvidence> arms) {
    ArmEvidence control =
        arms.stream()
            .filter(ArmEvidence::control)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no control arm"));
    List<String> stopped =
        arms.stream()
            .filter(a -> !a.control() && a.guardrailBreached())
            .map(ArmEvidence::armId)
            .toList();
    List<ArmEvidence> inPlay =
        arms.stream().filter(a -> a.control() || !a.guardrailBreached()).toList();
    if (inPlay.size() == 1) {
      return new Verdict(
          Verdict.Outcome.NO_WINNER,
          null,
          stopped,
          "Every treatment arm breached its guardrail; the control stays.");
    }
    Optional<ArmEvidence> short_ =
        inPlay.stream().filter(a -> a.viewers() < rule.minimumSamplePerArm()).findFirst();
    if (short_.isPresent()) {
      return new Verdict(
          Verdict.Outcome.CONTINUE,
          null,
          stopped,
          "Arm "
              + short_.get().armId()
              + " has "
              + short_.get().viewers()
              + " of the "
              + rule.minimumSamplePerArm()
              + " viewers every arm needs.");
    }
    return switch (rule.kind()) {
      case SEQUENTIAL -> sequential(rule, control, inPlay, stopped);
      case BAYESIAN -> bayesian(rule, inPlay, stopped);
    };
  }

  private static Verdict sequential(
      DecisionRule rule, ArmEvidence control, List<ArmEvidence> inPlay, List<String> stopped) {
    List<ArmEvidence> treatments = inPlay.stream().filter(a -> !a.control()).toList();
    Optional<ArmEvidence> best =
        treatments.stream()
            .filter(a -> a.sequentialPValue() <= rule.alpha() && a.rate() > control.rate())
            .max(Comparator.comparingDouble(ArmEvidence::rate).thenComparing(ArmEvidence::armId));
    if (best.isPresent()) {
      return new Verdict(
          Verdict.Outcome.WINNER,
          best.get().armId(),
          stopped,
          "Arm "
              + best.get().armId()
              + " beats the control with an always-valid p-value of "
              + format(best.get().sequentialPValue())
              + " (α "
              + rule.alpha()
              + ").");
    }
    boolean allWorse =
        treatments.stream()
            .allMatch(a -> a.sequentialPValue() <= rule.alpha() && a.rate() < control.rate());
    if (allWorse) {
      return new Verdict(
          Verdict.Outcome.NO_WINNER,
          null,
          stopped,
          "Every treatment arm is significantly worse than the control (α "
              + rule.alpha()
              + "); the control stays.");
    }
    return new Verdict(
        Verdict.Outcome.CONTINUE,
        null,
        stopped,
        "No treatment arm differs significantly from the control yet (α " + rule.alpha() + ").");
  }

  private static Verdict bayesian(
      DecisionRule rule, List<ArmEvidence> inPlay, List<String> stopped) {
    ArmEvidence leader =
        inPlay.stream()
            .max(
                Comparator.comparingDouble(ArmEvidence::probabilityBest)
                    .thenComparing(ArmEvidence::armId))
            .orElseThrow();
    boolean confident =
        leader.probabilityBest() >= rule.probabilityBestThreshold()
            && leader.expectedLoss() <= rule.expectedLossThreshold();
    if (!confident) {
      return new Verdict(
          Verdict.Outcome.CONTINUE,
          null,
          stopped,
          "The leading arm "
              + leader.armId()
              + " has P(best) "
              + format(leader.probabilityBest())
              + " and expected loss "
              + format(leader.expectedLoss())
              + "; the rule needs ≥ "
              + rule.probabilityBestThreshold()
              + " and ≤ "
              + rule.expectedLossThreshold()
              + ".");
    }
    String why =
        " has P(best) "
            + format(leader.probabilityBest())
            + " and expected loss "
            + format(leader.expectedLoss())
            + ".";
    if (leader.control()) {
      return new Verdict(
          Verdict.Outcome.NO_WINNER, null, stopped, "The control" + why + " The control stays.");
    }
    return new Verdict(
        Verdict.Outcome.WINNER, leader.armId(), stopped, "Arm " + leader.armId() + why);
  }

  private static String format(double value) {
    return String.format(java.util.Locale.ROOT, "%.4g", value);
  }
}
