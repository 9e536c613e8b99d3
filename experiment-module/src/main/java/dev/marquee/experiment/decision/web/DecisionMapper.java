package dev.marquee.experiment.decision.web;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.marquee.api.model.DecisionRuleWrite;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.decision.DecisionPolicy;
import dev.marquee.experiment.decision.DecisionReport;
import dev.marquee.experiment.stats.DecisionRule;
import dev.marquee.web.JsonMapperProvider;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Map;

/** Maps decision rules and decisions between the domain and the generated DTOs. */
final class DecisionMapper {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private DecisionMapper() {}

  static DecisionRule toRule(DecisionRuleWrite w) {
    DecisionRule d = DecisionRule.DEFAULT;
    try {
      return new DecisionRule(
          DecisionRule.Kind.valueOf(w.getKind().name()),
          w.getAlpha() == null ? d.alpha() : w.getAlpha(),
          w.getMinimumSamplePerArm() == null ? d.minimumSamplePerArm() : w.getMinimumSamplePerArm(),
          w.getProbabilityBestThreshold() == null
              ? d.probabilityBestThreshold()
              : w.getProbabilityBestThreshold(),
          w.getExpectedLossThreshold() == null
              ? d.expectedLossThreshold()
              : w.getExpectedLossThreshold(),
          w.getGuardrailAlpha() == null ? d.guardrailAlpha() : w.getGuardrailAlpha());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(new FieldError("rule", e.getMessage()));
    }
  }

  static dev.marquee.api.model.DecisionRule toDto(DecisionPolicy p) {
    DecisionRule r = p.rule();
    return new dev.marquee.api.model.DecisionRule()
        .experimentId(p.getExperimentId())
        .kind(dev.marquee.api.model.DecisionRuleKind.valueOf(r.kind().name()))
        .alpha(r.alpha())
        .minimumSamplePerArm(r.minimumSamplePerArm())
        .probabilityBestThreshold(r.probabilityBestThreshold())
        .expectedLossThreshold(r.expectedLossThreshold())
        .guardrailAlpha(r.guardrailAlpha())
        .evaluateOnSchedule(p.isEvaluateOnSchedule())
        .revision(p.revision())
        .updatedAt(p.isDefault() ? null : p.getUpdatedAt().atOffset(ZoneOffset.UTC))
        .updatedBy(p.isDefault() ? null : p.getUpdatedBy());
  }

  static dev.marquee.api.model.ExperimentDecision toDto(DecisionReport d) {
    return new dev.marquee.api.model.ExperimentDecision()
        .experimentId(d.experimentId())
        .outcome(dev.marquee.api.model.DecisionOutcome.valueOf(d.outcome().name()))
        .winningArmId(d.winningArmId())
        .winningVariantId(d.winningVariantId())
        .stoppedArmIds(d.stoppedArmIds())
        .explanation(d.explanation())
        .statistics(statistics(d.statistics()))
        .decidedBy(d.decidedBy())
        .decidedAt(d.decidedAt() == null ? null : d.decidedAt().atOffset(ZoneOffset.UTC))
        .promotionIds(d.promotionIds());
  }

  private static Map<String, Object> statistics(String json) {
    try {
      return JsonMapperProvider.mapper().readValue(json, OBJECT);
    } catch (IOException e) {
      // written by DecisionService as JSON; an unreadable one is shown raw rather than lost
      return Map.of("raw", json);
    }
  }
}
