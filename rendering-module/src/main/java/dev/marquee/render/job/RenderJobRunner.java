package dev.marquee.render.job;

import dev.marquee.render.engine.ImageRejectedException;
import dev.marquee.render.engine.InvalidRenderSpecException;
import dev.marquee.render.engine.NormalizedRect;
import dev.marquee.render.variant.VariantRendering;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works through a job's items one by one on a worker thread. Each variant commits on its own, so
 * one failure costs only that variant, and progress is recorded after every item.
 */
@ApplicationScoped
public class RenderJobRunner {
  private static final Logger LOG = Logger.getLogger(RenderJobRunner.class.getName());

  @Inject RenderJobs jobs;
  @Inject VariantRendering rendering;

  public void run(UUID jobId) {
    List<JobItem> items = jobs.start(jobId);
    for (JobItem item : items) {
      if (Thread.currentThread().isInterrupted()) {
        LOG.info(() -> "Render job " + jobId + " stopped by shutdown");
        return; // left RUNNING; the next start-up marks it interrupted
      }
      VariantRendering.Request request = request(item);
      try {
        if (rendering.render(request, jobId) == VariantRendering.Outcome.RENDERED) {
          jobs.recordRendered(jobId);
        } else {
          jobs.recordSkipped(jobId);
        }
      } catch (RuntimeException e) {
        recordProblem(jobId, item, request, e);
      }
    }
    jobs.finish(jobId);
  }

  private void recordProblem(
      UUID jobId, JobItem item, VariantRendering.Request request, RuntimeException e) {
    // A concurrent job may have committed the same variant first (unique identity key).
    boolean existsNow;
    try {
      existsNow = rendering.exists(request);
    } catch (RuntimeException again) {
      existsNow = false;
    }
    if (existsNow) {
      jobs.recordSkipped(jobId);
      return;
    }
    if (!(e instanceof ImageRejectedException) && !(e instanceof InvalidRenderSpecException)) {
      LOG.log(Level.WARNING, "Render job " + jobId + ": rendering " + item + " failed", e);
    }
    jobs.recordFailure(jobId, item, reason(e));
  }

  /** The innermost message, which names the actual problem rather than a wrapper. */
  static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = e.getMessage() != null ? e.getMessage() : cause.getMessage();
    return message != null ? message : cause.getClass().getSimpleName();
  }

  private static VariantRendering.Request request(JobItem item) {
    double[] r = item.region();
    return new VariantRendering.Request(
        item.imageId(),
        item.tagId(),
        r == null ? null : new NormalizedRect(r[0], r[1], r[2], r[3]),
        item.templateVersionId());
  }
}
