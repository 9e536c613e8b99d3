package dev.marquee.experiment.lifecycle;

import dev.marquee.errors.ResourceConflictException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An experiment on the artwork of one catalog entry for one or more audience groups. Owns its state
 * machine: each transition checks the current state and answers {@link ResourceConflictException}
 * (409) naming it when the transition is not allowed.
 */
@Entity
@Table(name = "experiment")
public class Experiment {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Id private UUID id;

  @Column(name = "entry_id", nullable = false)
  private UUID entryId;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ExperimentState state;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ExperimentMode mode;

  @Enumerated(EnumType.STRING)
  @Column(name = "primary_metric", nullable = false, length = 20)
  private ExperimentMetric primaryMetric;

  @Enumerated(EnumType.STRING)
  @Column(name = "secondary_metric", length = 20)
  private ExperimentMetric secondaryMetric;

  @Column(name = "qualified_play_seconds")
  private Integer qualifiedPlaySeconds;

  @Enumerated(EnumType.STRING)
  @Column(name = "guardrail_metric", length = 20)
  private ExperimentMetric guardrailMetric;

  @Column(nullable = false)
  private double coverage;

  @Column(nullable = false, length = 64)
  private String seed;

  @Column(name = "bucket_version", nullable = false)
  private int bucketVersion;

  @Column(name = "schedule_start")
  private Instant scheduleStart;

  @Column(name = "schedule_end")
  private Instant scheduleEnd;

  @Column(name = "auto_publish", nullable = false)
  private boolean autoPublish;

  @ElementCollection
  @CollectionTable(name = "experiment_arm", joinColumns = @JoinColumn(name = "experiment_id"))
  @OrderColumn(name = "position")
  private List<Arm> arms = new ArrayList<>();

  @ElementCollection
  @CollectionTable(
      name = "experiment_audience_group",
      joinColumns = @JoinColumn(name = "experiment_id"))
  @Column(name = "audience_group_id", nullable = false)
  private Set<UUID> audienceGroupIds = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(
      name = "experiment_allocation_period",
      joinColumns = @JoinColumn(name = "experiment_id"))
  @OrderBy("period")
  private List<AllocationPeriod> allocationPeriods = new ArrayList<>();

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 200)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 200)
  private String updatedBy;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "paused_at")
  private Instant pausedAt;

  // BANDIT settings; all null for AB
  @Column(name = "bandit_minimum_share")
  private Double banditMinimumShare;

  @Column(name = "bandit_minimum_sample")
  private Long banditMinimumSample;

  @Column(name = "bandit_interval_seconds")
  private Long banditIntervalSeconds;

  @Column(name = "bandit_top_two")
  private Boolean banditTopTwo;

  // Written only by BanditSchedule's conditional UPDATEs (the claim), never by the entity, so a
  // claim neither bumps the version nor is overwritten by a concurrent update of the experiment.
  @Column(name = "next_reallocation_at", insertable = false, updatable = false)
  private Instant nextReallocationAt;

  protected Experiment() {}

  /** A new DRAFT from a valid draft, with a fresh random seed. */
  Experiment(ExperimentDraft draft, String actor, Instant now) {
    this.id = UUID.randomUUID();
    this.state = ExperimentState.DRAFT;
    byte[] seedBytes = new byte[8];
    RANDOM.nextBytes(seedBytes);
    this.seed = HexFormat.of().formatHex(seedBytes);
    this.createdAt = now;
    this.createdBy = actor;
    this.entryId = draft.entryId();
    this.mode = draft.mode();
    this.primaryMetric = draft.primaryMetric();
    this.audienceGroupIds.addAll(draft.audienceGroupIds());
    replaceArms(draft);
    copyAdjustable(draft);
    this.updatedAt = now;
    this.updatedBy = actor;
  }

  /**
   * Applies a draft. In DRAFT everything may change; while RUNNING or PAUSED only the adjustable
   * fields (name, arm names and weights, coverage, schedule, auto-publish), and a change of weights
   * or coverage opens a new allocation period.
   *
   * @return whether anything changed
   * @throws ResourceConflictException when the state does not allow the change
   */
  boolean apply(ExperimentDraft draft, String actor, Instant now) {
    Map<String, Object> before = snapshot();
    if (state == ExperimentState.DRAFT) {
      this.entryId = draft.entryId();
      this.mode = draft.mode();
      this.primaryMetric = draft.primaryMetric();
      if (!audienceGroupIds.equals(new LinkedHashSet<>(draft.audienceGroupIds()))) {
        this.audienceGroupIds.clear();
        this.audienceGroupIds.addAll(draft.audienceGroupIds());
      }
      if (!sameArms(draft, true)) {
        replaceArms(draft);
      }
      copyAdjustable(draft);
    } else if (state.holdsSlots()) {
      List<String> fixed = fixedFieldsChangedBy(draft);
      if (!fixed.isEmpty()) {
        throw new ResourceConflictException(
            "Experiment is "
                + state
                + "; only name, arm names and weights, coverage, schedule and autoPublish can"
                + " change, not "
                + String.join(", ", fixed));
      }
      boolean allocationChanged =
          coverage != draft.coverage()
              || (mode == ExperimentMode.AB && !Arrays.equals(weights(), draft.weights()));
      for (int i = 0; i < arms.size(); i++) {
        ArmDraft d = draft.arms().get(i);
        if (!arms.get(i).getName().equals(d.name()) || arms.get(i).getWeight() != d.weight()) {
          arms.set(i, new Arm(arms.get(i).getId(), d));
        }
      }
      copyAdjustable(draft);
      if (allocationChanged) {
        openPeriods(now);
      }
    } else {
      throw new ResourceConflictException("Experiment is " + state + " and can no longer change");
    }
    boolean changed = !before.equals(snapshot());
    if (changed) {
      this.updatedAt = now;
      this.updatedBy = actor;
    }
    return changed;
  }

  private List<String> fixedFieldsChangedBy(ExperimentDraft d) {
    List<String> changed = new ArrayList<>();
    if (!entryId.equals(d.entryId())) {
      changed.add("entryId");
    }
    if (!audienceGroupIds.equals(new LinkedHashSet<>(d.audienceGroupIds()))) {
      changed.add("audienceGroupIds");
    }
    if (!sameArms(d, false)) {
      changed.add("arms (variants, control, count)");
    }
    if (primaryMetric != d.primaryMetric()
        || secondaryMetric != d.secondaryMetric()
        || guardrailMetric != d.guardrailMetric()
        || !Objects.equals(qualifiedPlaySeconds, d.qualifiedPlaySeconds())) {
      changed.add("metrics");
    }
    if (mode != d.mode()) {
      changed.add("mode");
    } else if (mode == ExperimentMode.BANDIT && !Arrays.equals(weights(), d.weights())) {
      changed.add("arm weights (the bandit sets them per audience group)");
    }
    return changed;
  }

  /** Same variants and control in the same order (and, when {@code exact}, same names/weights). */
  private boolean sameArms(ExperimentDraft d, boolean exact) {
    if (arms.size() != d.arms().size()) {
      return false;
    }
    for (int i = 0; i < arms.size(); i++) {
      Arm a = arms.get(i);
      ArmDraft b = d.arms().get(i);
      if (!a.getVariantId().equals(b.variantId()) || a.isControl() != b.control()) {
        return false;
      }
      if (exact && (!a.getName().equals(b.name()) || a.getWeight() != b.weight())) {
        return false;
      }
    }
    return true;
  }

  private void replaceArms(ExperimentDraft draft) {
    arms.clear();
    draft.arms().forEach(a -> arms.add(new Arm(UUID.randomUUID(), a)));
  }

  private void copyAdjustable(ExperimentDraft d) {
    this.name = d.name();
    this.coverage = d.coverage();
    this.secondaryMetric = d.secondaryMetric();
    this.qualifiedPlaySeconds = d.qualifiedPlaySeconds();
    this.guardrailMetric = d.guardrailMetric();
    this.scheduleStart = d.scheduleStart();
    this.scheduleEnd = d.scheduleEnd();
    this.autoPublish = d.autoPublish();
    BanditSettings b = d.bandit();
    this.banditMinimumShare = b == null ? null : b.minimumShare();
    this.banditMinimumSample = b == null ? null : b.minimumSample();
    this.banditIntervalSeconds = b == null ? null : b.interval().toSeconds();
    this.banditTopTwo = b == null ? null : b.topTwo();
  }

  private void openPeriod(Instant now) {
    allocationPeriods.add(
        new AllocationPeriod(allocationPeriods.size() + 1, now, coverage, weights(), null));
  }

  /**
   * A new period after a change of coverage or bucket version: A/B experiments start one for all
   * groups with the arms' weights; bandits one per group that keeps the group's bandit weights.
   */
  private void openPeriods(Instant now) {
    if (mode != ExperimentMode.BANDIT || allocationPeriods.isEmpty()) {
      openPeriod(now);
      return;
    }
    for (UUID group : getAudienceGroupIds()) {
      openGroupPeriod(group, periodFor(group).getWeights(), now);
    }
  }

  private void openGroupPeriod(UUID group, double[] groupWeights, Instant now) {
    allocationPeriods.add(
        new AllocationPeriod(allocationPeriods.size() + 1, now, coverage, groupWeights, group));
  }

  /**
   * A bandit re-allocation for one audience group: opens a period with the new weights.
   *
   * @throws ResourceConflictException unless this is a RUNNING bandit targeting the group
   */
  public void reallocate(UUID group, double[] groupWeights, Instant now) {
    require("re-allocate", ExperimentState.RUNNING);
    if (mode != ExperimentMode.BANDIT) {
      throw new ResourceConflictException(
          "Experiment " + id + " is an A/B test; only BANDIT experiments re-allocate traffic");
    }
    if (!audienceGroupIds.contains(group) || groupWeights.length != arms.size()) {
      throw new IllegalArgumentException("weights for an audience group of the experiment");
    }
    openGroupPeriod(group, groupWeights, now);
  }

  /**
   * The period allocating viewers of {@code group} now: the latest that applies to it.
   *
   * @throws IllegalStateException before the experiment has started
   */
  public AllocationPeriod periodFor(UUID group) {
    for (int i = allocationPeriods.size() - 1; i >= 0; i--) {
      if (allocationPeriods.get(i).appliesTo(group)) {
        return allocationPeriods.get(i);
      }
    }
    throw new IllegalStateException("experiment " + id + " has no allocation period yet");
  }

  /** DRAFT → RUNNING; the caller has claimed the running slots. */
  void start(String actor, Instant now) {
    require("start", ExperimentState.DRAFT);
    state = ExperimentState.RUNNING;
    startedAt = now;
    openPeriod(now);
    touch(actor, now);
  }

  /** RUNNING → PAUSED (slots are kept). */
  void pause(String actor, Instant now) {
    require("pause", ExperimentState.RUNNING);
    state = ExperimentState.PAUSED;
    pausedAt = now;
    touch(actor, now);
  }

  /** PAUSED → RUNNING. */
  void resume(String actor, Instant now) {
    require("resume", ExperimentState.PAUSED);
    state = ExperimentState.RUNNING;
    pausedAt = null;
    touch(actor, now);
  }

  /** RUNNING or PAUSED → STOPPED; the caller releases the slots. */
  void stop(String actor, Instant now) {
    require("stop", ExperimentState.RUNNING, ExperimentState.PAUSED);
    state = ExperimentState.STOPPED;
    endedAt = now;
    touch(actor, now);
  }

  /** RUNNING or PAUSED → DECIDED by its decision rule; the caller releases the slots. */
  void decide(String actor, Instant now) {
    require("decide", ExperimentState.RUNNING, ExperimentState.PAUSED);
    state = ExperimentState.DECIDED;
    endedAt = now;
    touch(actor, now);
  }

  /** A new bucket version: earlier sticky assignments no longer apply. */
  void rerandomize(String actor, Instant now) {
    require("rerandomize", ExperimentState.DRAFT, ExperimentState.RUNNING, ExperimentState.PAUSED);
    bucketVersion++;
    if (state.holdsSlots()) {
      openPeriods(now);
    }
    touch(actor, now);
  }

  private void require(String action, ExperimentState... allowed) {
    if (!Arrays.asList(allowed).contains(state)) {
      throw new ResourceConflictException(
          "Cannot "
              + action
              + " experiment "
              + id
              + ": it is "
              + state
              + " ("
              + action
              + " needs "
              + Arrays.toString(allowed)
              + ")");
    }
  }

  private void touch(String actor, Instant now) {
    updatedAt = now;
    updatedBy = actor;
  }

  /** The hash seed of the current bucket version: {@code <seed>:<bucketVersion>}. */
  public String hashSeed() {
    return seed + ":" + bucketVersion;
  }

  /** The arms' current weights in order. */
  public double[] weights() {
    return arms.stream().mapToDouble(Arm::getWeight).toArray();
  }

  /** The current allocation period's number (0 before the first start). */
  public int currentPeriod() {
    return allocationPeriods.size();
  }

  /** Fields for audit details. */
  Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("state", state.name());
    s.put("entryId", entryId.toString());
    s.put("audienceGroupIds", audienceGroupIds.stream().map(UUID::toString).sorted().toList());
    s.put(
        "arms",
        arms.stream()
            .map(
                a ->
                    a.getName()
                        + "="
                        + a.getVariantId()
                        + (a.isControl() ? " (control)" : "")
                        + " @"
                        + a.getWeight())
            .toList());
    s.put("coverage", coverage);
    s.put("primaryMetric", primaryMetric.name());
    s.put("secondaryMetric", secondaryMetric == null ? null : secondaryMetric.name());
    s.put("qualifiedPlaySeconds", qualifiedPlaySeconds);
    s.put("guardrailMetric", guardrailMetric == null ? null : guardrailMetric.name());
    s.put("mode", mode.name());
    s.put("scheduleStart", scheduleStart == null ? null : scheduleStart.toString());
    s.put("scheduleEnd", scheduleEnd == null ? null : scheduleEnd.toString());
    s.put("autoPublish", autoPublish);
    s.put("bucketVersion", bucketVersion);
    BanditSettings b = getBandit();
    if (b != null) {
      s.put("bandit", b.toString());
    }
    return s;
  }

  public UUID getId() {
    return id;
  }

  public UUID getEntryId() {
    return entryId;
  }

  public String getName() {
    return name;
  }

  public ExperimentState getState() {
    return state;
  }

  public ExperimentMode getMode() {
    return mode;
  }

  public ExperimentMetric getPrimaryMetric() {
    return primaryMetric;
  }

  public ExperimentMetric getSecondaryMetric() {
    return secondaryMetric;
  }

  public Integer getQualifiedPlaySeconds() {
    return qualifiedPlaySeconds;
  }

  public ExperimentMetric getGuardrailMetric() {
    return guardrailMetric;
  }

  public double getCoverage() {
    return coverage;
  }

  public String getSeed() {
    return seed;
  }

  public int getBucketVersion() {
    return bucketVersion;
  }

  public Instant getScheduleStart() {
    return scheduleStart;
  }

  public Instant getScheduleEnd() {
    return scheduleEnd;
  }

  public boolean isAutoPublish() {
    return autoPublish;
  }

  public List<Arm> getArms() {
    return List.copyOf(arms);
  }

  /** Audience group ids in a stable (sorted) order. */
  public List<UUID> getAudienceGroupIds() {
    return audienceGroupIds.stream().sorted().toList();
  }

  public List<AllocationPeriod> getAllocationPeriods() {
    return List.copyOf(allocationPeriods);
  }

  public long getVersion() {
    return version;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  /** The bandit settings of a BANDIT experiment, null for AB. */
  public BanditSettings getBandit() {
    if (banditMinimumShare == null) {
      return null;
    }
    return new BanditSettings(
        banditMinimumShare,
        banditMinimumSample,
        Duration.ofSeconds(banditIntervalSeconds),
        Boolean.TRUE.equals(banditTopTwo));
  }

  /** When the next scheduled re-allocation is due (as last read from the database). */
  public Instant getNextReallocationAt() {
    return nextReallocationAt;
  }

  /** When a PAUSED experiment was paused (null otherwise). */
  public Instant getPausedAt() {
    return pausedAt;
  }
}
