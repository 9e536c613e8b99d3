package dev.marquee.experiment.lifecycle;

import dev.marquee.paging.KeysetCursor;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores experiments and their running slots. */
public interface ExperimentRepository {
  Optional<Experiment> find(UUID id);

  /** Newest first (created_at, id descending). */
  List<Experiment> list(ExperimentFilter filter, KeysetCursor after, int limit);

  void add(Experiment experiment);

  void remove(Experiment experiment);

  /** Slots of this entry held for any of these groups. */
  List<RunningExperimentSlot> slots(UUID entryId, Collection<UUID> groupIds);

  void addSlot(RunningExperimentSlot slot);

  /** Releases every slot of the experiment. */
  void releaseSlots(UUID experimentId);

  /** How many experiments target the audience group. */
  long countTargeting(UUID audienceGroupId);

  boolean entryExists(UUID entryId);

  /** Which of these variants exist and were rendered for the entry. */
  List<UUID> variantsOfEntry(UUID entryId, Collection<UUID> variantIds);

  /** Which of these audience groups exist. */
  List<UUID> existingGroups(Collection<UUID> groupIds);

  /** Sets when the bandit's next re-allocation is due. */
  void scheduleReallocation(UUID experimentId, Instant at);

  /** RUNNING bandits whose re-allocation is due at {@code now}, earliest first. */
  List<UUID> dueForReallocation(Instant now, int limit);

  /**
   * Claims a due re-allocation by moving its due time to {@code next} with a conditional UPDATE: of
   * several nodes that saw it due, exactly one updates the row (the others' UPDATE waits for its
   * lock, then matches nothing).
   *
   * @return whether this transaction won the claim
   */
  boolean claimReallocation(UUID experimentId, Instant now, Instant next);

  void flush();
}
