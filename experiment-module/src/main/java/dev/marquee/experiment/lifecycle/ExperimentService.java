package dev.marquee.experiment.lifecycle;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.audit.ChangeSet;
import dev.marquee.errors.FieldError;
import dev.marquee.errors.InvalidInputException;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.ResourceNotFoundException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.paging.KeysetCursor;
import dev.marquee.paging.Page;
import dev.marquee.paging.PageLimit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Use cases on experiments: CRUD and the lifecycle transitions. Each public method is one
 * transaction and records an audit event for every change.
 *
 * <p>Running slots: start inserts one {@link RunningExperimentSlot} per audience group in the same
 * transaction as the state change; pause keeps them (a paused experiment can always resume); stop
 * deletes them. The slot's primary key (entry, group) makes the database refuse a second running
 * experiment even when two nodes start competing ones at the same moment.
 */
@ApplicationScoped
@Transactional
public class ExperimentService {
  static final double WEIGHT_TOLERANCE = 0.01;

  private ExperimentRepository experiments;
  private AuditLog audit;

  protected ExperimentService() {}

  @Inject
  public ExperimentService(ExperimentRepository experiments, AuditLog audit) {
    this.experiments = experiments;
    this.audit = audit;
  }

  /**
   * @throws ResourceNotFoundException when there is no such experiment
   */
  public Experiment get(UUID id) {
    return loaded(
        experiments
            .find(id)
            .orElseThrow(() -> new ResourceNotFoundException("No experiment with id " + id)));
  }

  /**
   * Loads the lazy collections inside the transaction, so callers (the feed, assignment) can use
   * the experiment after it ends.
   */
  private static Experiment loaded(Experiment x) {
    x.getArms();
    x.getAudienceGroupIds();
    x.getAllocationPeriods();
    return x;
  }

  /** Experiments matching the filter, newest first. */
  public Page<Experiment> list(ExperimentFilter filter, String cursor, Integer limit) {
    int size = PageLimit.of(limit);
    String fingerprint = KeysetCursor.fingerprint("experiments\u0001" + filter.canonical());
    KeysetCursor after = KeysetCursor.decode(cursor, fingerprint);
    List<Experiment> rows = experiments.list(filter, after, size + 1);
    rows.forEach(ExperimentService::loaded);
    return Page.fromOverfetch(
        rows,
        size,
        last ->
            new KeysetCursor(fingerprint, last.getCreatedAt().toString(), last.getId()).encode());
  }

  /** Creates a DRAFT experiment. */
  public Experiment create(ExperimentDraft draft, String actor) {
    ExperimentDraft valid = validated(draft);
    Experiment experiment = new Experiment(valid, actor, AuditLog.now());
    experiments.add(experiment);
    record(actor, AuditAction.EXPERIMENT_CREATED, experiment, "Created", experiment.snapshot());
    experiments.flush();
    return experiment;
  }

  /**
   * Applies a draft (see {@link Experiment#apply}).
   *
   * @param expectedVersion the version the client read, or null for any
   */
  public Experiment update(UUID id, Long expectedVersion, ExperimentDraft draft, String actor) {
    Experiment experiment = current(id, expectedVersion);
    ExperimentDraft valid = validated(draft);
    Map<String, Object> before = experiment.snapshot();
    if (experiment.apply(valid, actor, AuditLog.now())) {
      record(
          actor,
          AuditAction.EXPERIMENT_UPDATED,
          experiment,
          "Updated",
          ChangeSet.between(before, experiment.snapshot()));
      experiments.flush();
    }
    return experiment;
  }

  /** Deletes a DRAFT experiment. */
  public void delete(UUID id, Long expectedVersion, String actor) {
    Experiment experiment = current(id, expectedVersion);
    if (experiment.getState() != ExperimentState.DRAFT) {
      throw new ResourceConflictException(
          "Cannot delete experiment "
              + id
              + ": it is "
              + experiment.getState()
              + " (only DRAFT experiments can be deleted; stop it instead)");
    }
    experiments.remove(experiment);
    record(actor, AuditAction.EXPERIMENT_DELETED, experiment, "Deleted", experiment.snapshot());
    experiments.flush();
  }

  /**
   * DRAFT → RUNNING, claiming the running slot of every (entry, audience group).
   *
   * @throws ResourceConflictException when another experiment holds one of the slots
   */
  public Experiment start(UUID id, Long expectedVersion, String actor) {
    Experiment experiment = current(id, expectedVersion);
    Instant now = AuditLog.now();
    experiment.start(actor, now);
    List<RunningExperimentSlot> taken =
        experiments.slots(experiment.getEntryId(), experiment.getAudienceGroupIds());
    if (!taken.isEmpty()) {
      throw new ResourceConflictException(
          "Another experiment already runs on this entry for audience group(s) "
              + taken.stream()
                  .map(s -> s.getAudienceGroupId() + " (experiment " + s.getExperimentId() + ")")
                  .collect(Collectors.joining(", ")));
    }
    for (UUID group : experiment.getAudienceGroupIds()) {
      experiments.addSlot(
          new RunningExperimentSlot(experiment.getEntryId(), group, experiment.getId(), now));
    }
    record(actor, AuditAction.EXPERIMENT_STARTED, experiment, "Started", null);
    // a concurrent start on another node fails here on the slot's primary key (→ 409)
    experiments.flush();
    if (experiment.getBandit() != null) {
      experiments.scheduleReallocation(
          experiment.getId(), now.plus(experiment.getBandit().interval()));
    }
    return experiment;
  }

  /** RUNNING → PAUSED; the slots stay claimed. */
  public Experiment pause(UUID id, Long expectedVersion, String actor) {
    Experiment experiment = current(id, expectedVersion);
    experiment.pause(actor, AuditLog.now());
    record(actor, AuditAction.EXPERIMENT_PAUSED, experiment, "Paused", null);
    experiments.flush();
    return experiment;
  }

  /** PAUSED → RUNNING. */
  public Experiment resume(UUID id, Long expectedVersion, String actor) {
    Experiment experiment = current(id, expectedVersion);
    experiment.resume(actor, AuditLog.now());
    record(actor, AuditAction.EXPERIMENT_RESUMED, experiment, "Resumed", null);
    experiments.flush();
    return experiment;
  }

  /** RUNNING or PAUSED → STOPPED, releasing the slots. */
  public Experiment stop(UUID id, Long expectedVersion, String actor) {
    Experiment experiment = current(id, expectedVersion);
    experiment.stop(actor, AuditLog.now());
    experiments.releaseSlots(experiment.getId());
    record(actor, AuditAction.EXPERIMENT_STOPPED, experiment, "Stopped", null);
    experiments.flush();
    return experiment;
  }

  /**
   * RUNNING or PAUSED → DECIDED, releasing the slots; joins the decision's transaction, which
   * records what was decided.
   *
   * @param details the decision's outcome for the audit event
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Experiment decided(UUID id, String actor, Map<String, ?> details) {
    Experiment experiment = get(id);
    experiment.decide(actor, AuditLog.now());
    experiments.releaseSlots(experiment.getId());
    record(actor, AuditAction.EXPERIMENT_DECIDED, experiment, "Decided", details);
    experiments.flush();
    return experiment;
  }

  /** Increments the bucket version, so every viewer is hashed (and assigned) anew. */
  public Experiment rerandomize(UUID id, Long expectedVersion, String actor) {
    Experiment experiment = current(id, expectedVersion);
    experiment.rerandomize(actor, AuditLog.now());
    record(
        actor,
        AuditAction.EXPERIMENT_RERANDOMIZED,
        experiment,
        "Re-randomised",
        Map.of("bucketVersion", experiment.getBucketVersion()));
    experiments.flush();
    return experiment;
  }

  private Experiment current(UUID id, Long expectedVersion) {
    Experiment experiment = get(id);
    if (expectedVersion != null && experiment.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Experiment "
              + id
              + " is at version "
              + experiment.getVersion()
              + ", not "
              + expectedVersion,
          experiment.getVersion());
    }
    return experiment;
  }

  private void record(
      String actor, AuditAction action, Experiment x, String verb, Map<String, ?> details) {
    audit.record(
        actor,
        action,
        AuditTarget.EXPERIMENT,
        x.getId().toString(),
        verb + " experiment '" + x.getName() + "'",
        details);
  }

  /** Checks the rules the API schema cannot express; returns the draft trimmed. */
  ExperimentDraft validated(ExperimentDraft d) {
    List<FieldError> errors = new ArrayList<>();
    String name = d.name() == null ? "" : d.name().trim();
    if (name.isEmpty()) {
      errors.add(new FieldError("name", "must not be blank"));
    }
    boolean entryExists = d.entryId() != null && experiments.entryExists(d.entryId());
    if (!entryExists) {
      errors.add(new FieldError("entryId", "no catalog entry has this id"));
    }
    if (d.audienceGroupIds().isEmpty()) {
      errors.add(new FieldError("audienceGroupIds", "name at least one audience group"));
    } else {
      Set<UUID> existing = new HashSet<>(experiments.existingGroups(d.audienceGroupIds()));
      Set<UUID> seen = new HashSet<>();
      for (int i = 0; i < d.audienceGroupIds().size(); i++) {
        UUID group = d.audienceGroupIds().get(i);
        if (!existing.contains(group)) {
          errors.add(
              new FieldError("audienceGroupIds[" + i + "]", "no audience group has this id"));
        } else if (!seen.add(group)) {
          errors.add(new FieldError("audienceGroupIds[" + i + "]", "is listed twice"));
        }
      }
    }
    validateArms(d.arms(), errors);
    if (entryExists) {
      validateVariants(d, errors);
    }
    validateBandit(d, errors);
    if (d.coverage() < 0 || d.coverage() > 1) {
      errors.add(new FieldError("coverage", "must be between 0 and 1"));
    }
    boolean qualified =
        d.primaryMetric() == ExperimentMetric.QUALIFIED_PLAY
            || d.secondaryMetric() == ExperimentMetric.QUALIFIED_PLAY
            || d.guardrailMetric() == ExperimentMetric.QUALIFIED_PLAY;
    if (qualified && d.qualifiedPlaySeconds() == null) {
      errors.add(
          new FieldError("qualifiedPlaySeconds", "is required with the metric QUALIFIED_PLAY"));
    }
    if (d.scheduleStart() != null
        && d.scheduleEnd() != null
        && !d.scheduleEnd().isAfter(d.scheduleStart())) {
      errors.add(new FieldError("scheduleEnd", "must be after scheduleStart"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(
          errors.size() == 1
              ? errors.get(0).field() + ": " + errors.get(0).message()
              : errors.size() + " fields are invalid.",
          errors);
    }
    return new ExperimentDraft(
        d.entryId(),
        name,
        d.audienceGroupIds(),
        d.arms().stream()
            .map(a -> new ArmDraft(a.name().trim(), a.variantId(), a.control(), a.weight()))
            .toList(),
        d.coverage(),
        d.primaryMetric(),
        d.secondaryMetric(),
        d.qualifiedPlaySeconds(),
        d.guardrailMetric(),
        d.mode(),
        d.scheduleStart(),
        d.scheduleEnd(),
        d.autoPublish(),
        d.bandit());
  }

  /** Every arm shows a variant rendered for the experiment's entry. */
  private void validateVariants(ExperimentDraft d, List<FieldError> errors) {
    Set<UUID> wanted = new HashSet<>();
    d.arms().stream().map(ArmDraft::variantId).filter(v -> v != null).forEach(wanted::add);
    Set<UUID> rendered = new HashSet<>(experiments.variantsOfEntry(d.entryId(), wanted));
    for (int i = 0; i < d.arms().size(); i++) {
      ArmDraft arm = d.arms().get(i);
      if (arm.variantId() != null && !rendered.contains(arm.variantId())) {
        errors.add(
            new FieldError(
                "arms[" + i + "].variantId",
                "arm '"
                    + (arm.name() == null ? "" : arm.name().trim())
                    + "': no variant of entry "
                    + d.entryId()
                    + " has the id "
                    + arm.variantId()
                    + " (list the entry's variants with GET /api/v1/entries/{id}/variants)"));
      }
    }
  }

  private static void validateBandit(ExperimentDraft d, List<FieldError> errors) {
    BanditSettings b = d.bandit();
    if (d.mode() != ExperimentMode.BANDIT) {
      if (b != null) {
        errors.add(new FieldError("bandit", "is only allowed with mode BANDIT"));
      }
      return;
    }
    if (b == null) {
      errors.add(new FieldError("bandit", "is required with mode BANDIT"));
      return;
    }
    int arms = Math.max(d.arms().size(), 1);
    if (!(b.minimumShare() >= 0 && b.minimumShare() * arms <= 1 + 1e-12)) {
      errors.add(
          new FieldError(
              "bandit.minimumShare",
              "must be between 0 and 1/" + arms + " (one floor per arm must fit in 1)"));
    } else {
      for (int i = 0; i < d.arms().size(); i++) {
        if (d.arms().get(i).weight() < b.minimumShare()) {
          errors.add(
              new FieldError(
                  "arms[" + i + "].weight", "must be at least bandit.minimumShare in BANDIT mode"));
        }
      }
    }
    if (b.minimumSample() < 0) {
      errors.add(new FieldError("bandit.minimumSample", "must not be negative"));
    }
    if (b.interval() == null
        || b.interval().compareTo(BanditSettings.MIN_INTERVAL) < 0
        || b.interval().compareTo(BanditSettings.MAX_INTERVAL) > 0) {
      errors.add(
          new FieldError(
              "bandit.reallocationInterval",
              "must be an ISO-8601 duration from "
                  + BanditSettings.MIN_INTERVAL
                  + " to "
                  + BanditSettings.MAX_INTERVAL));
    }
  }

  private static void validateArms(List<ArmDraft> arms, List<FieldError> errors) {
    if (arms.size() < 2) {
      errors.add(new FieldError("arms", "an experiment needs at least two arms"));
      return;
    }
    long controls = arms.stream().filter(ArmDraft::control).count();
    if (controls != 1) {
      errors.add(
          new FieldError("arms", "exactly one arm must be the control (found " + controls + ")"));
    }
    double total = 0;
    Set<UUID> variants = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < arms.size(); i++) {
      ArmDraft arm = arms.get(i);
      if (!(arm.weight() > 0)) {
        errors.add(new FieldError("arms[" + i + "].weight", "must be greater than 0"));
      }
      total += arm.weight();
      if (arm.variantId() == null) {
        errors.add(new FieldError("arms[" + i + "].variantId", "is required"));
      } else if (!variants.add(arm.variantId())) {
        errors.add(new FieldError("arms[" + i + "].variantId", "two arms show the same variant"));
      }
      if (arm.name() == null || arm.name().isBlank()) {
        errors.add(new FieldError("arms[" + i + "].name", "must not be blank"));
      } else if (!names.add(arm.name().trim())) {
        errors.add(new FieldError("arms[" + i + "].name", "two arms have the same name"));
      }
    }
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
      errors.add(new FieldError("arms", "weights must sum to 1 (they sum to " + total + ")"));
    }
  }
}
