package dev.marquee.experiment.events;

import dev.marquee.audit.AuditLog;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.enrolment.AssignmentRepository;
import dev.marquee.experiment.enrolment.StickyAssignment;
import dev.marquee.experiment.enrolment.ViewerKeys;
import dev.marquee.experiment.holdout.HoldoutService;
import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentRepository;
import dev.marquee.experiment.lifecycle.ExperimentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ingests a batch of events in one transaction: each event is validated, stored once under its
 * client event id (a retried batch reports DUPLICATE and counts nothing again) and applied to the
 * viewer's locked counters, from which exact deltas for the aggregates follow.
 *
 * <p>Lock order is fixed to avoid deadlocks between concurrent batches: viewer rows in (experiment,
 * viewer key, arm) order, each locked before its events' ids are inserted, then the aggregate rows
 * in key order.
 *
 * <p>Events of viewers in the global holdout carry no arm and are counted under {@link
 * HoldoutService#HOLDOUT_ARM}. Each stored event copies the propensity of the viewer's recorded
 * assignment (when the arm matches), so a replay can weigh it.
 */
@ApplicationScoped
@Transactional
public class EventIngestionService {
  /** Largest batch accepted. */
  public static final int MAX_BATCH = 1000;

  private static final int IMPRESSIONS = 0;
  private static final int CLICKS = 1;
  private static final int PLAYS = 2;
  private static final int QUALIFIED = 3;
  private static final int EXPOSED = 4;
  private static final int CLICKED = 5;
  private static final int PLAYED = 6;
  private static final int QUALIFIED_VIEWERS = 7;

  @Inject ExperimentRepository experiments;
  @Inject EventRepository events;
  @Inject ViewerKeys viewerKeys;
  @Inject HoldoutService holdout;
  @Inject AssignmentRepository assignments;

  @Inject
  @ConfigProperty(name = "marquee.events.max-age", defaultValue = "P7D")
  Duration maxAge;

  @Inject
  @ConfigProperty(name = "marquee.events.max-skew", defaultValue = "PT5M")
  Duration maxSkew;

  @Inject
  @ConfigProperty(name = "marquee.events.paused-grace", defaultValue = "PT15M")
  Duration pausedGrace;

  /** Ingests the batch; one outcome per event, in input order. */
  public List<EventOutcome> ingest(List<IncomingEvent> batch) {
    if (batch.size() > MAX_BATCH) {
      throw new InvalidInputException(
          new FieldError("events", "at most " + MAX_BATCH + " events per batch"));
    }
    Instant now = AuditLog.now();
    EventOutcome[] outcomes = new EventOutcome[batch.size()];
    Map<UUID, Optional<Experiment>> cache = new HashMap<>();
    List<Valid> valid = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      IncomingEvent e = batch.get(i);
      String problem = problem(e, cache, now);
      if (problem != null) {
        outcomes[i] = EventOutcome.rejected(e.eventId(), problem);
      } else {
        Experiment x = cache.get(e.experimentId()).orElseThrow();
        UUID arm = e.armId() == null ? HoldoutService.HOLDOUT_ARM : e.armId();
        valid.add(new Valid(i, e, x, viewerKeys.keyOf(e.viewerId()), arm));
      }
    }
    valid.sort(
        Comparator.comparing((Valid v) -> v.event.experimentId())
            .thenComparing(v -> v.viewerKey)
            .thenComparing(v -> v.arm)
            .thenComparing(v -> v.event.eventId()));

    Map<String, Aggregate> daily = new TreeMap<>();
    Map<String, Aggregate> sums = new TreeMap<>();
    Map<String, Optional<StickyAssignment>> propensities = new HashMap<>();
    Map<String, Aggregate> periods = new TreeMap<>();
    for (Valid v : valid) {
      IncomingEvent e = v.event;
      Optional<StickyAssignment> assigned = assignment(v, propensities);
      ViewerCounts counts =
          events.lockViewer(
              e.experimentId(), v.viewerKey, v.arm, e.audienceGroupId(), period(v, assigned));
      Double propensity =
          assigned
              .filter(a -> a.getArmId().equals(v.arm))
              .map(StickyAssignment::getPropensity)
              .orElse(null);
      if (!events.insertEventIfAbsent(
          e, v.arm, v.viewerKey, counts.getAudienceGroupId(), propensity, now)) {
        outcomes[v.index] = EventOutcome.duplicate(e.eventId());
        continue;
      }
      apply(v, counts, daily, sums, periods);
      outcomes[v.index] = EventOutcome.accepted(e.eventId());
    }
    daily.values().forEach(a -> events.addDaily(a.experiment, a.arm, a.group, a.day, a.deltas));
    sums.values().forEach(a -> events.addSums(a.experiment, a.arm, a.group, a.deltas));
    periods
        .values()
        .forEach(a -> events.addPeriodOutcomes(a.experiment, a.period, a.arm, a.group, a.deltas));
    return List.of(outcomes);
  }

  /** The viewer's recorded assignment in the current bucket version (looked up once per batch). */
  private Optional<StickyAssignment> assignment(
      Valid v, Map<String, Optional<StickyAssignment>> recorded) {
    if (v.arm.equals(HoldoutService.HOLDOUT_ARM)) {
      return Optional.empty();
    }
    return recorded.computeIfAbsent(
        v.event.experimentId() + "/" + v.viewerKey,
        k ->
            assignments.find(v.event.experimentId(), v.viewerKey, v.experiment.getBucketVersion()));
  }

  /**
   * The period a viewer's counters start in: their assignment's, else the one allocating their
   * group now (an app that assigned them itself did so by the weights in force).
   */
  private static int period(Valid v, Optional<StickyAssignment> assigned) {
    if (assigned.isPresent() && assigned.get().getArmId().equals(v.arm)) {
      return assigned.get().getPeriod();
    }
    return v.experiment.periodFor(v.event.audienceGroupId()).getPeriod();
  }

  private void apply(
      Valid v,
      ViewerCounts c,
      Map<String, Aggregate> daily,
      Map<String, Aggregate> sums,
      Map<String, Aggregate> periods) {
    IncomingEvent e = v.event;
    boolean isNew = c.isNew();
    long m0 = c.getClicks();
    long d0 = c.getImpressions();
    boolean clicked0 = m0 > 0;
    boolean played0 = c.getPlays() > 0;
    boolean qualified0 = c.getQualifiedPlays() > 0;
    Integer threshold = v.experiment.getQualifiedPlaySeconds();
    boolean qualified =
        e.type() == EventType.PLAY
            && threshold != null
            && e.watchedSeconds() != null
            && e.watchedSeconds() >= threshold;
    c.add(e.type(), qualified);
    long m1 = c.getClicks();
    long d1 = c.getImpressions();

    UUID group = c.getAudienceGroupId();
    LocalDate day = LocalDate.ofInstant(e.occurredAt(), ZoneOffset.UTC);
    long[] dd =
        daily.computeIfAbsent(
                e.experimentId() + "/" + v.arm + "/" + group + "/" + day,
                k -> new Aggregate(e.experimentId(), v.arm, group, day, 8))
            .deltas;
    dd[IMPRESSIONS] += e.type() == EventType.IMPRESSION ? 1 : 0;
    dd[CLICKS] += e.type() == EventType.CLICK ? 1 : 0;
    dd[PLAYS] += e.type() == EventType.PLAY ? 1 : 0;
    dd[QUALIFIED] += qualified ? 1 : 0;
    dd[EXPOSED] += isNew ? 1 : 0;
    dd[CLICKED] += !clicked0 && m1 > 0 ? 1 : 0;
    dd[PLAYED] += !played0 && c.getPlays() > 0 ? 1 : 0;
    dd[QUALIFIED_VIEWERS] += !qualified0 && c.getQualifiedPlays() > 0 ? 1 : 0;

    if (c.getPeriod() != null) {
      int period = c.getPeriod();
      long[] pd =
          periods.computeIfAbsent(
                  e.experimentId() + "/" + period + "/" + v.arm + "/" + group,
                  k -> new Aggregate(e.experimentId(), v.arm, group, null, 4).in(period))
              .deltas;
      pd[0] += isNew ? 1 : 0;
      pd[1] += !clicked0 && m1 > 0 ? 1 : 0;
      pd[2] += !played0 && c.getPlays() > 0 ? 1 : 0;
      pd[3] += !qualified0 && c.getQualifiedPlays() > 0 ? 1 : 0;
    }
    long[] sd =
        sums.computeIfAbsent(
                e.experimentId() + "/" + v.arm + "/" + group,
                k -> new Aggregate(e.experimentId(), v.arm, group, null, 6))
            .deltas;
    sd[0] += isNew ? 1 : 0;
    sd[1] += m1 - m0;
    sd[2] += d1 - d0;
    sd[3] += m1 * m1 - m0 * m0;
    sd[4] += d1 * d1 - d0 * d0;
    sd[5] += m1 * d1 - m0 * d0;
  }

  /** Why the event cannot be counted, or null. */
  private String problem(IncomingEvent e, Map<UUID, Optional<Experiment>> cache, Instant now) {
    if (e.eventId() == null || e.eventId().isBlank() || e.eventId().length() > 100) {
      return "eventId must be 1..100 characters";
    }
    if (e.viewerId() == null || e.viewerId().isEmpty()) {
      return "viewerId is required";
    }
    if (e.type() == null
        || e.occurredAt() == null
        || e.experimentId() == null
        || e.audienceGroupId() == null) {
      return "type, occurredAt, experimentId and audienceGroupId are required";
    }
    if (e.watchedSeconds() != null && (e.type() != EventType.PLAY || e.watchedSeconds() < 0)) {
      return "watchedSeconds is only for PLAY events and must not be negative";
    }
    if (e.occurredAt().isBefore(now.minus(maxAge))) {
      return "occurredAt is older than " + maxAge;
    }
    if (e.occurredAt().isAfter(now.plus(maxSkew))) {
      return "occurredAt is more than " + maxSkew + " in the future";
    }
    Optional<Experiment> found = cache.computeIfAbsent(e.experimentId(), experiments::find);
    if (found.isEmpty()) {
      return "unknown experiment " + e.experimentId();
    }
    Experiment x = found.get();
    boolean heldOut = holdout.current().contains(e.viewerId());
    if (e.armId() == null && !heldOut) {
      return "armId is required: only viewers in the global holdout send events without an arm";
    }
    if (e.armId() != null && heldOut) {
      return "the viewer is in the global holdout and never enrolled; send its events without"
          + " armId";
    }
    if (e.armId() != null && x.getArms().stream().map(Arm::getId).noneMatch(e.armId()::equals)) {
      return "arm " + e.armId() + " is not an arm of experiment " + x.getId();
    }
    if (!x.getAudienceGroupIds().contains(e.audienceGroupId())) {
      return "audience group "
          + e.audienceGroupId()
          + " is not targeted by experiment "
          + x.getId();
    }
    if (x.getState() == ExperimentState.RUNNING) {
      return null;
    }
    if (x.getState() == ExperimentState.PAUSED
        && !e.occurredAt().isAfter(x.getPausedAt().plus(pausedGrace))) {
      return null;
    }
    return "experiment is "
        + x.getState()
        + " and does not accept events"
        + (x.getState() == ExperimentState.PAUSED
            ? " that occurred after " + x.getPausedAt().plus(pausedGrace)
            : "");
  }

  /**
   * An event that passed validation.
   *
   * @param arm its arm, or {@link HoldoutService#HOLDOUT_ARM} for a held-out viewer
   */
  private record Valid(
      int index, IncomingEvent event, Experiment experiment, String viewerKey, UUID arm) {}

  private static final class Aggregate {
    final UUID experiment;
    final UUID arm;
    final UUID group;
    final LocalDate day;
    final long[] deltas;
    int period;

    Aggregate(UUID experiment, UUID arm, UUID group, LocalDate day, int columns) {
      this.experiment = experiment;
      this.arm = arm;
      this.group = group;
      this.day = day;
      this.deltas = new long[columns];
    }

    Aggregate in(int allocationPeriod) {
      this.period = allocationPeriod;
      return this;
    }
  }
}
