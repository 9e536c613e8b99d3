package dev.marquee.render.job;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs render jobs on a fixed number of worker threads with a bounded number of waiting jobs.
 *
 * <p>The threads come from the server's {@link ManagedThreadFactory}, so they carry the
 * application's naming context and class loader and are managed (and stopped) by the server; the
 * pool around them is our own because the server's shared managed executor has neither a
 * per-application worker limit nor a queue bound we could answer 503 from. A slot is reserved
 * before the job is stored, so a full queue refuses the request without leaving a job behind.
 */
@ApplicationScoped
public class RenderQueue {
  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threadFactory;

  @Inject
  @ConfigProperty(name = "marquee.render.workers", defaultValue = "0")
  int configuredWorkers;

  @Inject
  @ConfigProperty(name = "marquee.render.queue-capacity", defaultValue = "16")
  int queueCapacity;

  @Inject
  @ConfigProperty(name = "marquee.render.retry-after-seconds", defaultValue = "5")
  int retryAfterSeconds;

  private ThreadPoolExecutor executor;
  private Semaphore slots;
  private int workers;

  @PostConstruct
  void start() {
    workers =
        configuredWorkers > 0 ? configuredWorkers : Runtime.getRuntime().availableProcessors();
    slots = new Semaphore(workers + Math.max(0, queueCapacity));
    executor =
        new ThreadPoolExecutor(
            workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
    executor.allowCoreThreadTimeOut(true);
  }

  @PreDestroy
  void stop() {
    // Running jobs stop at their next item; the next start-up marks them interrupted.
    executor.shutdownNow();
  }

  /** A place in the queue, held from before the job is stored until it finishes. */
  public final class Slot {
    private boolean released;

    /** Runs the job in the background and frees the slot when it ends. */
    public void run(Runnable job) {
      executor.execute(
          () -> {
            try {
              job.run();
            } finally {
              release();
            }
          });
    }

    /** Gives the slot back without running anything. */
    public synchronized void release() {
      if (!released) {
        released = true;
        slots.release();
      }
    }
  }

  /**
   * @throws RenderQueueFullException when all workers are busy and the queue is full
   */
  public Slot reserve() {
    if (!slots.tryAcquire()) {
      throw new RenderQueueFullException(
          "The render queue is full ("
              + workers
              + " workers, "
              + queueCapacity
              + " queued jobs); retry in "
              + retryAfterSeconds
              + " seconds.",
          retryAfterSeconds);
    }
    return new Slot();
  }
}
