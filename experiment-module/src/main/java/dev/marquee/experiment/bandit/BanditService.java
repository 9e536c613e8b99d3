package dev.marquee.experiment.bandit;

import dev.marquee.audit.AuditAction;
import dev.marquee.audit.AuditLog;
import dev.marquee.audit.AuditTarget;
import dev.marquee.errors.ResourceConflictException;
import dev.marquee.errors.StaleVersionException;
import dev.marquee.experiment.lifecycle.Arm;
import dev.marquee.experiment.lifecycle.BanditSettings;
import dev.marquee.experiment.lifecycle.Experiment;
import dev.marquee.experiment.lifecycle.ExperimentMode;
import dev.marquee.experiment.lifecycle.ExperimentRepository;
import dev.marquee.experiment.lifecycle.ExperimentService;
import dev.marquee.experiment.lifecycle.ExperimentState;
import dev.marquee.experiment.results.AggregateReader;
import dev.marquee.experiment.stats.BanditAllocation;
import dev.marquee.experiment.stats.BanditReallocation;
import dev.marquee.experiment.stats.BinomialCounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Re-allocates BANDIT experiments: for each audience group, Beta posteriors of every arm from the
 * viewers exposed and converted so far (primary metric, all periods), Thompson sampling weights
 * with the experiment's floor, and a new allocation period for the group. Each public method is one
 * transaction.
 *
 * <p>The Monte Carlo seed is {@link #seed}: a function of the experiment's hash seed, the group and
 * the number of the period being opened, so anyone can recompute a re-allocation from the counts it
 * saw (recorded in the audit event).
 */
@ApplicationScoped
@Transactional
public class BanditService {
  /** Actor of scheduled re-allocations in the audit log. */
  public static final String SYSTEM = "system";

  @Inject ExperimentService experiments;
  @Inject ExperimentRepository repository;
  @Inject AggregateReader aggregates;
  @Inject AuditLog audit;

  /**
   * Re-allocates now, whatever the schedule, and restarts the schedule from now.
   *
   * @param expectedVersion the version the client read, or null for any
   * @throws ResourceConflictException unless the experiment is a RUNNING bandit
   */
  public Experiment reallocateNow(UUID id, Long expectedVersion, String actor) {
    Experiment x = experiments.get(id);
    if (expectedVersion != null && x.getVersion() != expectedVersion) {
      throw new StaleVersionException(
          "Experiment " + id + " is at version " + x.getVersion() + ", not " + expectedVersion,
          x.getVersion());
    }
    if (x.getMode() != ExperimentMode.BANDIT) {
      throw new ResourceConflictException(
          "Experiment " + id + " is an A/B test; only BANDIT experiments re-allocate traffic");
    }
    if (x.getState() != ExperimentState.RUNNING) {
      throw new ResourceConflictException(
          "Cannot re-allocate experiment " + id + ": it is " + x.getState() + " (needs RUNNING)");
    }
    Instant now = AuditLog.now();
    reallocate(x, now, actor);
    repository.scheduleReallocation(id, now.plus(x.getBandit().interval()));
    return x;
  }

  /** RUNNING bandits whose scheduled re-allocation is due. */
  public List<UUID> due(Instant now, int limit) {
    return repository.dueForReallocation(now, limit);
  }

  /**
   * Claims the scheduled re-allocation and performs it, unless another node claimed it first.
   *
   * @return whether this call re-allocated
   */
  public boolean reallocateIfDue(UUID id, Instant now) {
    Experiment x = experiments.get(id);
    BanditSettings bandit = x.getBandit();
    if (bandit == null || !repository.claimReallocation(id, now, now.plus(bandit.interval()))) {
      return false;
    }
    reallocate(x, now, SYSTEM);
    return true;
  }

  private void reallocate(Experiment x, Instant now, String actor) {
    BanditSettings b = x.getBandit();
    BanditReallocation policy =
        new BanditReallocation(
            b.minimumShare(), b.minimumSample(), b.topTwo(), BanditReallocation.DEFAULT_DRAWS);
    Map<UUID, List<BinomialCounts>> counts = countsByGroup(x);
    Map<String, Object> details = new LinkedHashMap<>();
    for (UUID group : x.getAudienceGroupIds()) {
      int period = x.currentPeriod() + 1;
      long seed = seed(x.getSeed(), group, period);
      Optional<BanditAllocation> next = policy.weights(counts.get(group), seed);
      if (next.isPresent()) {
        x.reallocate(group, next.get().weights(), now);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("period", period);
        d.put("seed", seed);
        d.put("viewers", counts.get(group).stream().map(BinomialCounts::trials).toList());
        d.put("conversions", counts.get(group).stream().map(BinomialCounts::successes).toList());
        d.put("weights", Arrays.stream(next.get().weights()).boxed().toList());
        d.put("probabilityBest", Arrays.stream(next.get().probabilityBest()).boxed().toList());
        details.put(group.toString(), d);
      }
    }
    if (!details.isEmpty()) {
      audit.record(
          actor,
          AuditAction.EXPERIMENT_REALLOCATED,
          AuditTarget.EXPERIMENT,
          x.getId().toString(),
          "Re-allocated bandit '" + x.getName() + "' for " + details.size() + " group(s)",
          details);
      repository.flush();
    }
  }

  /**
   * Viewers exposed and converted on the primary metric, per group, in the experiment's arm order.
   */
  private Map<UUID, List<BinomialCounts>> countsByGroup(Experiment x) {
    List<Arm> arms = x.getArms();
    Map<UUID, Integer> index = new HashMap<>();
    for (int i = 0; i < arms.size(); i++) {
      index.put(arms.get(i).getId(), i);
    }
    Map<UUID, long[][]> totals = new HashMap<>();
    x.getAudienceGroupIds().forEach(g -> totals.put(g, new long[arms.size()][2]));
    for (AggregateReader.Daily d : aggregates.daily(x.getId())) {
      Integer arm = index.get(d.arm());
      long[][] group = totals.get(d.group());
      if (arm != null && group != null) {
        group[arm][0] += d.viewersExposed();
        group[arm][1] +=
            x.getPrimaryMetric()
                .converted(d.viewersClicked(), d.viewersPlayed(), d.viewersQualified());
      }
    }
    Map<UUID, List<BinomialCounts>> out = new HashMap<>();
    totals.forEach(
        (g, t) -> {
          List<BinomialCounts> list = new ArrayList<>();
          for (long[] arm : t) {
            list.add(new BinomialCounts(arm[0], Math.min(arm[1], arm[0])));
          }
          out.put(g, list);
        });
    return out;
  }

  /**
   * The Monte Carlo seed of a re-allocation: the first 8 bytes (big-endian) of the name-based UUID
   * (MD5) of {@code <experiment seed>:<audience group id>:<period>}.
   */
  public static long seed(String experimentSeed, UUID group, int period) {
    return UUID.nameUUIDFromBytes(
            (experimentSeed + ":" + group + ":" + period).getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits();
  }
}
