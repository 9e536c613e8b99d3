package dev.marquee.render.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Accepts a render job: plans it, reserves a queue slot (or refuses with {@link
 * RenderQueueFullException} before anything is stored), stores it, and starts it once the job row
 * is committed so the worker always finds it.
 */
@ApplicationScoped
public class RenderJobSubmission {
  @Inject RenderJobPlanner planner;
  @Inject RenderJobs jobs;
  @Inject RenderQueue queue;
  @Inject RenderJobRunner runner;

  /** Must be called outside a transaction, so that the job is committed before it starts. */
  public RenderJob submit(
      UUID entryId,
      List<String> templates,
      List<UUID> tagIds,
      boolean includeUntagged,
      String actor) {
    List<JobItem> items = planner.plan(entryId, templates, tagIds, includeUntagged);
    RenderQueue.Slot slot = queue.reserve();
    try {
      RenderJob job = jobs.create(entryId, items, RenderNode.name(), actor);
      slot.run(() -> runner.run(job.getId()));
      return job;
    } catch (RuntimeException e) {
      slot.release();
      throw e;
    }
  }
}
