package dev.marquee.render.job;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * On start-up, marks the jobs this node left QUEUED or RUNNING (it stopped or crashed) as FAILED
 * and interrupted, so nobody waits for them; submitting them again skips what was finished.
 */
@ApplicationScoped
public class RenderJobRecovery {
  private static final Logger LOG = Logger.getLogger(RenderJobRecovery.class.getName());

  @Inject RenderJobs jobs;

  void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 20) Startup startup) {
    int interrupted = jobs.interruptUnfinished(RenderNode.name());
    if (interrupted > 0) {
      LOG.warning(
          () ->
              interrupted + " render job(s) were interrupted by the last shutdown; marked FAILED");
    }
  }
}
