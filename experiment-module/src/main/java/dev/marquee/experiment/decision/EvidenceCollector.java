package dev.marquee.experiment.decision;

import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentMetric;
import dev.marquee.experiment.results.AggregateReader;
import dev.marquee.experiment.results.ArmSummary;
import dev.marquee.experiment.results.ResultsService;
import dev.marquee.experiment.results.ResultsSummary;
import dev.marquee.experiment.stats.ArmEvidence;
import dev.marquee.experiment.stats.BinomialCounts;
import dev.marquee.experiment.stats.GuardrailCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gathers the pooled evidence of every arm (control first) from the experiment's results, plus the
 * guardrail check of each treatment against control when the experiment names a guardrail metric.
 */
@ApplicationScoped
public class EvidenceCollector {
  @Inject ResultsService results;
  @Inject AggregateReader aggregates;

  Evidence collect(Experiment x, DecisionPolicy policy) {
    ResultsSummary summary = results.results(x.getId());
    Map<UUID, long[]> guardrail = guardrailCounts(x);
    List<ArmSummary> pooled = summary.pooled().arms();
    long[] control = guardrail.get(pooled.get(0).arm().getId());
    List<ArmEvidence> arms = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ArmSummary a : pooled) {
      Arm arm = a.arm();
      double p = a.sequential() == null ? Double.NaN : a.sequential().alwaysValidPValue();
      boolean breached =
          !arm.isControl()
              && control != null
              && GuardrailCheck.breached(
                  new BinomialCounts(control[0], control[1]),
                  counts(guardrail.get(arm.getId())),
                  policy.rule().guardrailAlpha());
      ArmEvidence e =
          new ArmEvidence(
              arm.getId().toString(),
              arm.isControl(),
              a.viewers(),
              a.conversions(),
              p,
              a.statistics().probabilityBest(),
              a.statistics().expectedLoss(),
              breached);
      arms.add(e);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("armId", arm.getId().toString());
      row.put("name", arm.getName());
      row.put("variantId", arm.getVariantId().toString());
      row.put("control", arm.isControl());
      row.put("viewers", a.viewers());
      row.put("conversions", a.conversions());
      row.put("rate", e.rate());
      row.put("alwaysValidPValue", finite(p));
      row.put("probabilityBest", finite(e.probabilityBest()));
      row.put("expectedLoss", finite(e.expectedLoss()));
      row.put("guardrailBreached", breached);
      rows.add(row);
    }
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("primaryMetric", x.getPrimaryMetric().name());
    snapshot.put(
        "guardrailMetric", x.getGuardrailMetric() == null ? null : x.getGuardrailMetric().name());
    snapshot.put("rule", policy.snapshot());
    snapshot.put("arms", rows);
    return new Evidence(arms, snapshot);
  }

  /** Pooled {viewers, conversions} of the guardrail metric per arm; empty without one. */
  private Map<UUID, long[]> guardrailCounts(Experiment x) {
    Map<UUID, long[]> out = new HashMap<>();
    ExperimentMetric metric = x.getGuardrailMetric();
    if (metric == null) {
      return out;
    }
    for (AggregateReader.Daily d : aggregates.daily(x.getId())) {
      long converted =
          switch (metric) {
            case CLICK_THROUGH -> d.viewersClicked();
            case PLAY_THROUGH -> d.viewersPlayed();
            case QUALIFIED_PLAY -> d.viewersQualified();
          };
      long[] row = out.computeIfAbsent(d.arm(), k -> new long[2]);
      row[0] += d.viewersExposed();
      row[1] += converted;
    }
    for (Arm arm : x.getArms()) {
      out.putIfAbsent(arm.getId(), new long[2]);
    }
    return out;
  }

  private static BinomialCounts counts(long[] row) {
    return row == null ? new BinomialCounts(0, 0) : new BinomialCounts(row[0], row[1]);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
