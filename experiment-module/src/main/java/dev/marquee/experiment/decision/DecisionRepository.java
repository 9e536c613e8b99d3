package dev.marquee.experiment.decision;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores decision rules and decisions. */
public interface DecisionRepository {
  Optional<DecisionPolicy> policy(UUID experimentId);

  void addPolicy(DecisionPolicy policy);

  Optional<ExperimentDecision> decision(UUID experimentId);

  void addDecision(ExperimentDecision decision);

  /** RUNNING experiments whose rule is set to be evaluated on a schedule. */
  List<UUID> scheduledCandidates(int limit);

  void flush();
}
