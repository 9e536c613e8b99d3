package dev.marquee.experiment.events;

import dev.marquee.audit.AuditLog;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.experiment.enrolment.AssignmentRepository;
import dev.marquee.experiment.enrolment.RecordedArm;
import dev.marquee.experiment.enrolment.SqlDialect;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ingests a batch of events in one transaction with a handful of set-based statements, whatever the
 * batch size:
 *
 * <ol>
 *   <li>validate every event (in memory, experiments read once per batch);
 *   <li>look up the recorded assignments of the batch's viewers (one query per experiment);
 *   <li>insert the raw events whose id is new; the others are duplicates and count nothing;
 *   <li>sum the new events per viewer and arm and add those sums to the per-viewer counter rows,
 *       reading each row's totals before the addition;
 *   <li>derive the aggregate deltas from those before/after totals ({@link BatchAggregates}) and
 *       add them to the daily, ratio-sum and period rows.
 * </ol>
 *
 * <p>Rows are written in one global order (events by id, viewer rows, then aggregate rows by key),
 * so concurrent batches never deadlock one another. Callers should use {@link EventIngestion},
 * which also takes turns on H2 and re-runs a batch that lost a race.
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

  private ExperimentRepository experiments;
  private ViewerKeys viewerKeys;
  private HoldoutService holdout;
  private AssignmentRepository assignments;
  private SqlDialect dialect;
  private PostgresEventBatchWriter postgresWriter;
  private H2EventBatchWriter h2Writer;
  private Duration maxAge;
  private Duration maxSkew;
  private Duration pausedGrace;

  protected EventIngestionService() {}

  @Inject
  public EventIngestionService(
      ExperimentRepository experiments,
      ViewerKeys viewerKeys,
      HoldoutService holdout,
      AssignmentRepository assignments,
      SqlDialect dialect,
      PostgresEventBatchWriter postgresWriter,
      H2EventBatchWriter h2Writer,
      @ConfigProperty(name = "marquee.events.max-age", defaultValue = "P7D") Duration maxAge,
      @ConfigProperty(name = "marquee.events.max-skew", defaultValue = "PT5M") Duration maxSkew,
      @ConfigProperty(name = "marquee.events.paused-grace", defaultValue = "PT15M")
          Duration pausedGrace) {
    this.experiments = experiments;
    this.viewerKeys = viewerKeys;
    this.holdout = holdout;
    this.assignments = assignments;
    this.dialect = dialect;
    this.postgresWriter = postgresWriter;
    this.h2Writer = h2Writer;
    this.maxAge = maxAge;
    this.maxSkew = maxSkew;
    this.pausedGrace = pausedGrace;
  }

  /**
   * Ingests the batch; one outcome per event, in input order. Of several events with one id in a
   * batch the first is counted and the others are duplicates.
   */
  public List<EventOutcome> ingest(List<IncomingEvent> batch) {
    if (batch.size() > MAX_BATCH) {
      throw new InvalidInputException(
          new FieldError("events", "at most " + MAX_BATCH + " events per batch"));
    }
    Instant now = AuditLog.now();
    EventOutcome[] outcomes = new EventOutcome[batch.size()];
    Map<UUID, Optional<Experiment>> cache = new HashMap<>();
    Map<String, Valid> valid = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      IncomingEvent e = batch.get(i);
      String problem = problem(e, cache, now);
      if (problem != null) {
        outcomes[i] = EventOutcome.rejected(e.eventId(), problem);
      } else if (valid.containsKey(e.eventId())) {
        outcomes[i] = EventOutcome.duplicate(e.eventId());
      } else {
        Experiment x = cache.get(e.experimentId()).orElseThrow();
        UUID arm = e.armId() == null ? HoldoutService.HOLDOUT_ARM : e.armId();
        ViewerArm viewer = new ViewerArm(x.getId(), viewerKeys.keyOf(e.viewerId()), arm);
        valid.put(e.eventId(), new Valid(i, e, x, viewer, qualified(e, x)));
      }
    }
    if (valid.isEmpty()) {
      return List.of(outcomes);
    }
    Map<ViewerArm, RecordedArm> assigned = assignments(valid.values());

    EventBatchWriter writer = dialect.isPostgres() ? postgresWriter : h2Writer;
    List<RawEvent> rows = new ArrayList<>();
    for (Valid v : valid.values()) {
      rows.add(
          new RawEvent(
              v.event.eventId(),
              v.viewer.experimentId(),
              v.viewer.armId(),
              v.event.audienceGroupId(),
              v.viewer.viewerKey(),
              v.event.type(),
              v.event.watchedSeconds(),
              v.event.occurredAt(),
              now,
              Optional.ofNullable(assigned.get(v.viewer))
                  .map(RecordedArm::propensity)
                  .orElse(null)));
    }
    rows.sort(Comparator.comparing(RawEvent::eventId));
    Set<String> inserted = writer.insertNew(rows);

    // the new events of each viewer, in the order they occurred
    Map<ViewerArm, List<Valid>> byViewer = new TreeMap<>();
    for (Valid v : valid.values()) {
      if (inserted.contains(v.event.eventId())) {
        byViewer.computeIfAbsent(v.viewer, k -> new ArrayList<>()).add(v);
        outcomes[v.index] = EventOutcome.accepted(v.event.eventId());
      } else {
        outcomes[v.index] = EventOutcome.duplicate(v.event.eventId());
      }
    }
    if (byViewer.isEmpty()) {
      return List.of(outcomes);
    }
    List<ViewerDelta> deltas = new ArrayList<>();
    for (Map.Entry<ViewerArm, List<Valid>> entry : byViewer.entrySet()) {
      List<Valid> events = entry.getValue();
      events.sort(
          Comparator.comparing((Valid v) -> v.event.occurredAt())
              .thenComparing(v -> v.event.eventId()));
      ViewerTotals add = ViewerTotals.NONE;
      for (Valid v : events) {
        add = add.plus(v.event.type(), v.qualified);
      }
      Valid first = events.get(0);
      deltas.add(
          new ViewerDelta(
              entry.getKey(),
              first.event.audienceGroupId(),
              period(first, assigned.get(entry.getKey())),
              add));
    }
    Map<ViewerArm, ViewerCounter> before = writer.addToViewers(deltas);

    BatchAggregates aggregates = new BatchAggregates();
    Map<String, UUID> regrouped = new TreeMap<>();
    for (Map.Entry<ViewerArm, List<Valid>> entry : byViewer.entrySet()) {
      ViewerCounter row = before.get(entry.getKey());
      List<BatchAggregates.CountedEvent> counted = new ArrayList<>();
      for (Valid v : entry.getValue()) {
        counted.add(
            new BatchAggregates.CountedEvent(v.event.type(), v.qualified, v.event.occurredAt()));
        if (!v.event.audienceGroupId().equals(row.audienceGroupId())) {
          regrouped.put(v.event.eventId(), row.audienceGroupId());
        }
      }
      aggregates.addViewer(entry.getKey(), row, counted);
    }
    writer.regroup(regrouped);
    writer.add(CounterTable.DAILY, aggregates.daily());
    writer.add(CounterTable.RATIO_SUMS, aggregates.sums());
    writer.add(CounterTable.PERIOD_OUTCOMES, aggregates.periods());
    return List.of(outcomes);
  }

  /**
   * The recorded assignments (current bucket version) of the batch's viewers whose events are for
   * the arm they were assigned; one query per experiment.
   */
  private Map<ViewerArm, RecordedArm> assignments(Iterable<Valid> valid) {
    Map<UUID, Experiment> experimentsById = new HashMap<>();
    Map<UUID, Set<String>> keys = new HashMap<>();
    for (Valid v : valid) {
      if (!v.viewer.armId().equals(HoldoutService.HOLDOUT_ARM)) {
        experimentsById.put(v.experiment.getId(), v.experiment);
        keys.computeIfAbsent(v.experiment.getId(), x -> new HashSet<>()).add(v.viewer.viewerKey());
      }
    }
    Map<ViewerArm, RecordedArm> found = new HashMap<>();
    keys.forEach(
        (id, viewers) ->
            assignments
                .findAll(id, experimentsById.get(id).getBucketVersion(), viewers)
                .values()
                .forEach(a -> found.put(new ViewerArm(id, a.viewerKey(), a.armId()), a)));
    return found;
  }

  /**
   * The period a viewer's counters start in: their assignment's, else the one allocating their
   * group now (an app that assigned them itself did so by the weights in force).
   */
  private static int period(Valid first, RecordedArm assigned) {
    if (assigned != null) {
      return assigned.period();
    }
    return first.experiment.periodFor(first.event.audienceGroupId()).getPeriod();
  }

  private static boolean qualified(IncomingEvent e, Experiment x) {
    Integer threshold = x.getQualifiedPlaySeconds();
    return e.type() == EventType.PLAY
        && threshold != null
        && e.watchedSeconds() != null
        && e.watchedSeconds() >= threshold;
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

  /** An event that passed validation, with the viewer row it counts in. */
  private record Valid(
      int index, IncomingEvent event, Experiment experiment, ViewerArm viewer, boolean qualified) {}
}
