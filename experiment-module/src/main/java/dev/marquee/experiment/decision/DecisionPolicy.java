package dev.marquee.experiment.decision;

import dev.marquee.experiment.stats.DecisionRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The decision rule an experimenter set for one experiment, and whether a schedule applies it. */
@Entity
@Table(name = "experiment_decision_rule")
public class DecisionPolicy {
  @Id
  @Column(name = "experiment_id")
  private UUID experimentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DecisionRule.Kind kind;

  @Column(nullable = false)
  private double alpha;

  @Column(name = "minimum_sample_per_arm", nullable = false)
  private long minimumSamplePerArm;

  @Column(name = "probability_best", nullable = false)
  private double probabilityBest;

  @Column(name = "expected_loss", nullable = false)
  private double expectedLoss;

  @Column(name = "guardrail_alpha", nullable = false)
  private double guardrailAlpha;

  @Column(name = "evaluate_on_schedule", nullable = false)
  private boolean evaluateOnSchedule;

  @Version private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  /** Not stored: the default of an experiment whose rule nobody set. */
  @Transient private boolean isDefault;

  protected DecisionPolicy() {}

  private DecisionPolicy(UUID experimentId) {
    this.experimentId = experimentId;
    copy(DecisionRule.DEFAULT, false, "default", Instant.EPOCH);
    this.isDefault = true;
  }

  /** The default rule of an experiment nobody configured (not stored; revision 0). */
  static DecisionPolicy defaultFor(UUID experimentId) {
    return new DecisionPolicy(experimentId);
  }

  /** Sets the rule; a default policy becomes one to store. */
  void apply(DecisionRule rule, boolean onSchedule, String actor, Instant now) {
    copy(rule, onSchedule, actor, now);
    this.isDefault = false;
  }

  private void copy(DecisionRule rule, boolean onSchedule, String actor, Instant now) {
    this.kind = rule.kind();
    this.alpha = rule.alpha();
    this.minimumSamplePerArm = rule.minimumSamplePerArm();
    this.probabilityBest = rule.probabilityBestThreshold();
    this.expectedLoss = rule.expectedLossThreshold();
    this.guardrailAlpha = rule.guardrailAlpha();
    this.evaluateOnSchedule = onSchedule;
    this.updatedBy = actor;
    this.updatedAt = now;
  }

  public DecisionRule rule() {
    return new DecisionRule(
        kind, alpha, minimumSamplePerArm, probabilityBest, expectedLoss, guardrailAlpha);
  }

  /** Fields for audit details and the decision's snapshot. */
  Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kind", kind.name());
    s.put("alpha", alpha);
    s.put("minimumSamplePerArm", minimumSamplePerArm);
    s.put("probabilityBestThreshold", probabilityBest);
    s.put("expectedLossThreshold", expectedLoss);
    s.put("guardrailAlpha", guardrailAlpha);
    s.put("evaluateOnSchedule", evaluateOnSchedule);
    return s;
  }

  public UUID getExperimentId() {
    return experimentId;
  }

  public boolean isEvaluateOnSchedule() {
    return evaluateOnSchedule;
  }

  /** Whether this is the unstored default. */
  public boolean isDefault() {
    return isDefault;
  }

  /** What the ETag names: 0 for the default, the stored version + 1 once set. */
  public long revision() {
    return isDefault ? 0 : version + 1;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
