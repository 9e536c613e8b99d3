package dev.marquee.experiment.decision;

import dev.marquee.experiment.stats.ArmEvidence;
import java.util.List;
import java.util.Map;

/**
 * What a decision is taken on: the arms' evidence for the rule, and the snapshot recorded with it.
 *
 * @param snapshot JSON-serialisable statistics, rule and metrics at the time of evaluation
 */
record Evidence(List<ArmEvidence> arms, Map<String, Object> snapshot) {}
