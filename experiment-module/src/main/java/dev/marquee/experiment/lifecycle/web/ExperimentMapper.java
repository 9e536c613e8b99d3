package dev.marquee.experiment.lifecycle.web;

import dev.marquee.api.model.ArmWrite;
import dev.marquee.api.model.AssignmentPreview;
import dev.marquee.api.model.ExperimentWrite;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.enrolment.Assignment;
import dev.marquee.experiment.lifecycle.AllocationPeriod;
import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.ArmDraft;
import dev.marquee.experiment.lifecycle.BanditSettings;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentDraft;
import dev.marquee.experiment.lifecycle.ExperimentMetric;
import dev.marquee.experiment.lifecycle.ExperimentMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Maps experiment DTOs to the domain and back. */
final class ExperimentMapper {
  private ExperimentMapper() {}

  static ExperimentDraft toDraft(ExperimentWrite w) {
    List<ArmDraft> arms =
        w.getArms() == null
            ? List.of()
            : w.getArms().stream().map(ExperimentMapper::toArm).toList();
    return new ExperimentDraft(
        w.getEntryId(),
        w.getName(),
        w.getAudienceGroupIds(),
        arms,
        w.getCoverage() == null ? 1.0 : w.getCoverage(),
        metric(w.getPrimaryMetric()),
        metric(w.getSecondaryMetric()),
        w.getQualifiedPlaySeconds(),
        metric(w.getGuardrailMetric()),
        w.getMode() == null ? ExperimentMode.AB : ExperimentMode.valueOf(w.getMode().name()),
        instant(w.getScheduleStart()),
        instant(w.getScheduleEnd()),
        Boolean.TRUE.equals(w.getAutoPublish()),
        bandit(w.getBandit()));
  }

  private static BanditSettings bandit(dev.marquee.api.model.BanditSettings b) {
    if (b == null) {
      return null;
    }
    Duration interval;
    try {
      interval = Duration.parse(b.getReallocationInterval());
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidInputException(
          new FieldError(
              "bandit.reallocationInterval", "must be an ISO-8601 duration such as PT1H"));
    }
    return new BanditSettings(
        b.getMinimumShare() == null ? -1 : b.getMinimumShare(),
        b.getMinimumSample() == null ? -1 : b.getMinimumSample(),
        interval,
        Boolean.TRUE.equals(b.getTopTwo()));
  }

  private static dev.marquee.api.model.BanditSettings toDto(BanditSettings b) {
    return b == null
        ? null
        : new dev.marquee.api.model.BanditSettings()
            .minimumShare(b.minimumShare())
            .minimumSample(b.minimumSample())
            .reallocationInterval(b.interval().toString())
            .topTwo(b.topTwo());
  }

  private static ArmDraft toArm(ArmWrite a) {
    return new ArmDraft(
        a.getName(),
        a.getVariantId(),
        Boolean.TRUE.equals(a.getControl()),
        a.getWeight() == null ? 0 : a.getWeight());
  }

  static dev.marquee.api.model.Experiment toDto(Experiment x) {
    return new dev.marquee.api.model.Experiment()
        .id(x.getId())
        .entryId(x.getEntryId())
        .name(x.getName())
        .state(dev.marquee.api.model.ExperimentState.valueOf(x.getState().name()))
        .audienceGroupIds(x.getAudienceGroupIds())
        .arms(x.getArms().stream().map(ExperimentMapper::toDto).toList())
        .coverage(x.getCoverage())
        .seed(x.getSeed())
        .bucketVersion(x.getBucketVersion())
        .allocationPeriods(x.getAllocationPeriods().stream().map(ExperimentMapper::toDto).toList())
        .primaryMetric(dto(x.getPrimaryMetric()))
        .secondaryMetric(dto(x.getSecondaryMetric()))
        .qualifiedPlaySeconds(x.getQualifiedPlaySeconds())
        .guardrailMetric(dto(x.getGuardrailMetric()))
        .mode(dev.marquee.api.model.ExperimentMode.valueOf(x.getMode().name()))
        .scheduleStart(time(x.getScheduleStart()))
        .scheduleEnd(time(x.getScheduleEnd()))
        .autoPublish(x.isAutoPublish())
        .version(x.getVersion())
        .createdAt(time(x.getCreatedAt()))
        .createdBy(x.getCreatedBy())
        .updatedAt(time(x.getUpdatedAt()))
        .updatedBy(x.getUpdatedBy())
        .startedAt(time(x.getStartedAt()))
        .endedAt(time(x.getEndedAt()))
        .bandit(toDto(x.getBandit()))
        .nextReallocationAt(x.getBandit() == null ? null : time(x.getNextReallocationAt()));
  }

  static dev.marquee.api.model.Arm toDto(Arm a) {
    return new dev.marquee.api.model.Arm()
        .id(a.getId())
        .name(a.getName())
        .variantId(a.getVariantId())
        .control(a.isControl())
        .weight(a.getWeight());
  }

  static dev.marquee.api.model.AllocationPeriod toDto(AllocationPeriod p) {
    return new dev.marquee.api.model.AllocationPeriod()
        .period(p.getPeriod())
        .audienceGroupId(p.getAudienceGroupId())
        .startedAt(time(p.getStartedAt()))
        .coverage(p.getCoverage())
        .weights(Arrays.stream(p.getWeights()).boxed().toList());
  }

  static AssignmentPreview toDto(Assignment a, Experiment x) {
    return new AssignmentPreview()
        .enrolled(a.enrolled())
        .armId(a.enrolled() ? a.arm().getId() : null)
        .armName(a.enrolled() ? a.arm().getName() : null)
        .control(a.enrolled() ? a.arm().isControl() : null)
        .bucket(a.bucket())
        .bucketVersion(a.bucketVersion())
        .sticky(a.sticky())
        .propensity(a.propensity())
        .holdout(a.holdout())
        .experimentState(dev.marquee.api.model.ExperimentState.valueOf(x.getState().name()));
  }

  private static ExperimentMetric metric(dev.marquee.api.model.ExperimentMetric m) {
    return m == null ? null : ExperimentMetric.valueOf(m.name());
  }

  private static dev.marquee.api.model.ExperimentMetric dto(ExperimentMetric m) {
    return m == null ? null : dev.marquee.api.model.ExperimentMetric.valueOf(m.name());
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime time(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
