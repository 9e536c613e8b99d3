package dev.marquee.experiment.results.web;

import dev.marquee.api.model.ArmStatistics;
import dev.marquee.api.model.ExperimentResults;
import dev.marquee.api.model.GroupStatistics;
import dev.marquee.api.model.PeriodSrm;
import dev.marquee.experiment.results.ArmSummary;
import dev.marquee.experiment.results.GroupSummary;
import dev.marquee.experiment.results.HoldoutLift;
import dev.marquee.experiment.results.PeriodCheck;
import dev.marquee.experiment.results.ResultsSummary;
import dev.marquee.experiment.stats.ArmResult;
import dev.marquee.experiment.stats.Interval;
import dev.marquee.experiment.stats.SequentialState;
import java.util.Arrays;

/** Maps results to DTOs; NaN and infinite values (undefined statistics) are left out. */
public final class ResultsMapper {
  private ResultsMapper() {}

  public static ExperimentResults toDto(ResultsSummary r) {
    return new ExperimentResults()
        .experimentId(r.experiment().getId())
        .primaryMetric(
            dev.marquee.api.model.ExperimentMetric.valueOf(
                r.experiment().getPrimaryMetric().name()))
        .pooled(toDto(r.pooled()))
        .groups(r.groups().stream().map(ResultsMapper::toDto).toList())
        .srm(r.srm().stream().map(ResultsMapper::toDto).toList())
        .holdout(r.holdout() == null ? null : toDto(r.holdout()));
  }

  static dev.marquee.api.model.HoldoutLift toDto(HoldoutLift h) {
    return new dev.marquee.api.model.HoldoutLift()
        .holdoutViewers(h.holdout().trials())
        .holdoutConversions(h.holdout().successes())
        .holdoutRate(finite(h.holdout().rate()))
        .enrolledViewers(h.enrolled().trials())
        .enrolledConversions(h.enrolled().successes())
        .enrolledRate(finite(h.enrolled().rate()))
        .liftAbsolute(finite(h.comparison().absoluteUplift()))
        .liftLower(finite(h.comparison().absoluteInterval().lower()))
        .liftUpper(finite(h.comparison().absoluteInterval().upper()))
        .liftRelative(finite(h.comparison().relativeUplift()))
        .pValue(finite(h.comparison().pValue()));
  }

  static GroupStatistics toDto(GroupSummary g) {
    return new GroupStatistics()
        .audienceGroupId(g.audienceGroupId())
        .arms(g.arms().stream().map(ResultsMapper::toDto).toList());
  }

  static ArmStatistics toDto(ArmSummary a) {
    ArmResult s = a.statistics();
    ArmStatistics dto =
        new ArmStatistics()
            .armId(a.arm().getId())
            .armName(a.arm().getName())
            .control(a.arm().isControl())
            .impressions(a.impressions())
            .clicks(a.clicks())
            .plays(a.plays())
            .viewers(a.viewers())
            .conversions(a.conversions())
            .rate(finite(s.rate().rate()))
            .rateLower(lower(s.rate().interval()))
            .rateUpper(upper(s.rate().interval()))
            .probabilityBest(finite(s.probabilityBest()))
            .expectedLoss(finite(s.expectedLoss()));
    if (a.periodWeighted() != null) {
      dto.periodWeightedRate(finite(a.periodWeighted().rate()));
      if (!a.arm().isControl()) {
        dto.periodWeightedUplift(finite(a.periodWeighted().uplift()))
            .periodWeightedUpliftLower(finite(a.periodWeighted().upliftLower()))
            .periodWeightedUpliftUpper(finite(a.periodWeighted().upliftUpper()))
            .periodWeightedPValue(finite(a.periodWeighted().pValue()));
      }
    }
    if (!a.arm().isControl()) {
      dto.probabilityBeatsControl(finite(s.probabilityBeatsControl()))
          .holmPValue(finite(s.holmAdjustedPValue()));
      if (s.vsControl() != null) {
        dto.upliftAbsolute(finite(s.vsControl().absoluteUplift()))
            .upliftLower(lower(s.vsControl().absoluteInterval()))
            .upliftUpper(upper(s.vsControl().absoluteInterval()))
            .upliftRelative(finite(s.vsControl().relativeUplift()))
            .upliftRelativeLower(lower(s.vsControl().relativeInterval()))
            .upliftRelativeUpper(upper(s.vsControl().relativeInterval()))
            .pValue(finite(s.vsControl().pValue()));
      }
      SequentialState seq = a.sequential();
      if (seq != null && seq.looks() > 0) {
        dto.alwaysValidPValue(finite(seq.alwaysValidPValue()))
            .confidenceSequenceLower(lower(seq.confidenceSequence()))
            .confidenceSequenceUpper(upper(seq.confidenceSequence()));
      }
    }
    if (s.clickThrough() != null) {
      dto.clickThroughRatio(finite(s.clickThrough().ratio()))
          .clickThroughRatioStandardError(finite(s.clickThrough().standardError()));
    }
    return dto;
  }

  static PeriodSrm toDto(PeriodCheck p) {
    PeriodSrm dto =
        new PeriodSrm()
            .period(p.period())
            .audienceGroupId(p.audienceGroupId())
            .assignments(Arrays.stream(p.assignments()).boxed().toList())
            .mismatch(p.srm() != null && p.srm().mismatch());
    if (p.srm() != null) {
      dto.chiSquare(finite(p.srm().chiSquare())).pValue(finite(p.srm().pValue()));
    }
    return dto;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Double lower(Interval i) {
    return i == null ? null : finite(i.lower());
  }

  private static Double upper(Interval i) {
    return i == null ? null : finite(i.upper());
  }
}
