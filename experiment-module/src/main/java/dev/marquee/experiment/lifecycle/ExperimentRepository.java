package dev.marquee.experiment.lifecycle;

import dev.marquee.paging.KeysetCursor;
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

  /** Which of these audience groups exist. */
  List<UUID> existingGroups(Collection<UUID> groupIds);

  void flush();
}
