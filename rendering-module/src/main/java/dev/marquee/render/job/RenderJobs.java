package dev.marquee.render.job;

import dev.marquee.audit.AuditLog;
import dev.marquee.errors.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * A job's lifecycle in the database, each step its own short transaction so that progress is
 * visible while the job runs and survives a crash.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RenderJobs {
  @Inject RenderJobRepository jobs;

  public RenderJob create(UUID entryId, List<JobItem> items, String node, String actor) {
    RenderJob job = new RenderJob(entryId, items, node, actor, AuditLog.now());
    jobs.add(job);
    return job;
  }

  @Transactional(Transactional.TxType.REQUIRED)
  public RenderJob get(UUID id) {
    return jobs.find(id)
        .orElseThrow(() -> new ResourceNotFoundException("No render job " + id + "."));
  }

  /** Marks the job RUNNING and returns its items. */
  public List<JobItem> start(UUID id) {
    RenderJob job = get(id);
    job.start(AuditLog.now());
    return job.items();
  }

  public void recordRendered(UUID id) {
    get(id).recordRendered();
  }

  public void recordSkipped(UUID id) {
    get(id).recordSkipped();
  }

  public void recordFailure(UUID id, JobItem item, String reason) {
    get(id).recordFailure(new RenderFailure(item, reason));
  }

  public RenderJob finish(UUID id) {
    RenderJob job = get(id);
    job.finish(AuditLog.now());
    return job;
  }

  /** Marks this node's QUEUED and RUNNING jobs FAILED (interrupted). @return how many */
  public int interruptUnfinished(String node) {
    List<RenderJob> unfinished = jobs.listUnfinished(node);
    unfinished.forEach(j -> j.interrupt(AuditLog.now()));
    return unfinished.size();
  }
}
