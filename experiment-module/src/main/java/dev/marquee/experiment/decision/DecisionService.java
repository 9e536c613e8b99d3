package dev.marquee.experiment.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentService;
import dev.marquee.experiment.stats.DecisionEvaluator;
import dev.marquee.experiment.stats.DecisionRule;
import dev.marquee.experiment.stats.Verdict;
import dev.marquee.paging.Page;
import dev.marquee.publishing.Audience;
import dev.marquee.publishing.ExperimentProposal;
import dev.marquee.publishing.Promotion;
import dev.marquee.publishing.PromotionFilter;
import dev.marquee.publishing.PromotionService;
import dev.marquee.webhook.WebhookEventType;
import dev.marquee.webhook.WebhookOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides experiments by their rule. A decision is one transaction: it records the outcome with its
 * statistics snapshot, moves the experiment to DECIDED (releasing its running slots), hands a
 * promotion proposal per audience group for the winning arm's variant to publishing (published at
 * once when the experiment is set to auto-publish), and queues {@code experiment.decided}. An
 * experiment without a winner keeps its control and proposes nothing.
 */
@ApplicationScoped
@Transactional
public class DecisionService {
  /** The actor of scheduled evaluations. */
  public static final String SCHEDULER = "scheduler";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ExperimentService experiments;
  @Inject DecisionRepository decisions;
  @Inject EvidenceCollector evidence;
  @Inject PromotionService promotions;
  @Inject AuditLog audit;
  @Inject WebhookOutbox outbox;

  /** The experiment's rule, or the default one (revision 0) when nobody set it. */
  public DecisionPolicy policy(UUID experimentId) {
    experiments.get(experimentId);
    return decisions.policy(experimentId).orElseGet(() -> DecisionPolicy.defaultFor(experimentId));
  }

  /**
   * Sets the rule of an experiment that has not ended.
   *
   * @param expectedRevision the revision the client read (If-Match), or null for any
   */
  public DecisionPolicy setPolicy(
      UUID experimentId,
      Long expectedRevision,
      DecisionRule rule,
      boolean evaluateOnSchedule,
      String actor) {
    Experiment x = experiments.get(experimentId);
    if (!x.getState().holdsSlots()
        && x.getState() != dev.marquee.experiment.lifecycle.ExperimentState.DRAFT) {
      throw new ResourceConflictException(
          "Experiment " + experimentId + " is " + x.getState() + "; its rule can no longer change");
    }
    DecisionPolicy policy = policy(experimentId);
    if (expectedRevision != null && policy.revision() != expectedRevision) {
      throw new StaleVersionException(
          "The decision rule of experiment "
              + experimentId
              + " is at revision "
              + policy.revision()
              + ", not "
              + expectedRevision,
          policy.revision());
    }
    boolean isNew = policy.isDefault();
    policy.apply(rule, evaluateOnSchedule, actor, AuditLog.now());
    if (isNew) {
      decisions.addPolicy(policy);
    }
    decisions.flush();
    audit.record(
        actor,
        AuditAction.DECISION_RULE_SET,
        AuditTarget.EXPERIMENT,
        experimentId.toString(),
        "Set the decision rule of experiment '" + x.getName() + "'",
        policy.snapshot());
    return policy;
  }

  /**
   * @throws ResourceNotFoundException when the experiment was not decided
   */
  public DecisionReport decision(UUID experimentId) {
    experiments.get(experimentId);
    ExperimentDecision d =
        decisions
            .decision(experimentId)
            .orElseThrow(
                () ->
                    new ResourceNotFoundException(
                        "Experiment " + experimentId + " has not been decided"));
    return DecisionReport.of(d, proposalsOf(experimentId));
  }

  /**
   * Evaluates the rule now and, when it is met (or {@code endIfInconclusive}), decides.
   *
   * @param expectedVersion the experiment version the client read (If-Match), or null for any
   * @param endIfInconclusive end the experiment without a winner when the rule is not met yet
   * @return the decision, or a CONTINUE report when nothing changed
   */
  public DecisionReport decide(
      UUID experimentId, Long expectedVersion, boolean endIfInconclusive, String actor) {
    Experiment x = experiments.get(experimentId);
    if (expectedVersion != null && x.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Experiment " + experimentId + " is at version " + x.getVersion(), x.getVersion());
    }
    if (!x.getState().holdsSlots()) {
      throw new ResourceConflictException(
          "Cannot decide experiment "
              + experimentId
              + ": it is "
              + x.getState()
              + " (decide needs [RUNNING, PAUSED])");
    }
    DecisionPolicy policy = policy(experimentId);
    Evidence e = evidence.collect(x, policy);
    Verdict verdict = DecisionEvaluator.evaluate(policy.rule(), e.arms());
    List<UUID> stopped = verdict.stoppedArmIds().stream().map(UUID::fromString).toList();
    String statistics = json(e.snapshot());
    if (verdict.outcome() == Verdict.Outcome.CONTINUE && !endIfInconclusive) {
      return new DecisionReport(
          experimentId,
          Verdict.Outcome.CONTINUE,
          null,
          null,
          stopped,
          verdict.explanation(),
          statistics,
          null,
          null,
          List.of());
    }
    Instant now = AuditLog.now();
    boolean won = verdict.outcome() == Verdict.Outcome.WINNER;
    Arm winner = won ? arm(x, UUID.fromString(verdict.winningArmId())) : null;
    String explanation =
        verdict.outcome() == Verdict.Outcome.CONTINUE
            ? "Ended without a winner by " + actor + ": " + verdict.explanation()
            : verdict.explanation();
    ExperimentDecision decision =
        new ExperimentDecision(
            experimentId,
            won ? Verdict.Outcome.WINNER : Verdict.Outcome.NO_WINNER,
            won ? winner.getId() : null,
            won ? winner.getVariantId() : null,
            verdict.stoppedArmIds(),
            explanation,
            statistics,
            actor,
            now);
    decisions.addDecision(decision);

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("outcome", decision.getOutcome().name());
    details.put("winningArmId", won ? winner.getId().toString() : null);
    details.put("winningVariantId", won ? winner.getVariantId().toString() : null);
    details.put("explanation", explanation);
    details.put("statistics", e.snapshot());
    experiments.decided(experimentId, actor, details);

    List<UUID> proposed = new ArrayList<>();
    if (won) {
      String reason =
          "Experiment '" + x.getName() + "': arm '" + winner.getName() + "' won. " + explanation;
      for (UUID group : x.getAudienceGroupIds()) {
        Promotion p =
            promotions.proposeFromExperiment(
                new ExperimentProposal(
                    x.getEntryId(),
                    Audience.of(group),
                    winner.getVariantId(),
                    reason.length() > 2000 ? reason.substring(0, 2000) : reason,
                    experimentId,
                    winner.getId(),
                    e.snapshot(),
                    x.isAutoPublish()),
                actor);
        proposed.add(p.getId());
      }
    }

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("experimentId", experimentId.toString());
    data.put("entryId", x.getEntryId().toString());
    data.put("outcome", decision.getOutcome().name());
    data.put("winningArmId", won ? winner.getId().toString() : null);
    data.put("winningVariantId", won ? winner.getVariantId().toString() : null);
    data.put("promotionIds", proposed.stream().map(UUID::toString).toList());
    data.put("autoPublish", x.isAutoPublish());
    data.put("decidedBy", actor);
    data.put("decidedAt", now.toString());
    outbox.publish(WebhookEventType.EXPERIMENT_DECIDED, data);
    decisions.flush();
    return DecisionReport.of(decision, proposed);
  }

  /** Experiments the scheduler evaluates. */
  public List<UUID> scheduledCandidates(int limit) {
    return decisions.scheduledCandidates(limit);
  }

  /** One scheduled evaluation in its own transaction; never ends an inconclusive experiment. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public DecisionReport decideOnSchedule(UUID experimentId) {
    return decide(experimentId, null, false, SCHEDULER);
  }

  private List<UUID> proposalsOf(UUID experimentId) {
    Page<Promotion> page =
        promotions.list(new PromotionFilter(null, null, null, experimentId), null, 200);
    return page.items().stream().map(Promotion::getId).toList();
  }

  private static Arm arm(Experiment x, UUID armId) {
    return x.getArms().stream()
        .filter(a -> a.getId().equals(armId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no arm " + armId));
  }

  private static String json(Map<String, ?> snapshot) {
    try {
      return JSON.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("statistics must be JSON-serialisable", e);
    }
  }
}
