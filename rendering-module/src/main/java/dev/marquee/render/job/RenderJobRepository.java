package dev.marquee.render.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores render jobs. */
public interface RenderJobRepository {
  Optional<RenderJob> find(UUID id);

  /** Jobs of this node that are QUEUED or RUNNING. */
  List<RenderJob> listUnfinished(String node);

  void add(RenderJob job);
}
