package dev.marquee.render.job;

/** Where a render job is. */
public enum RenderJobState {
  QUEUED,
  RUNNING,
  /** Every item rendered or skipped. */
  SUCCEEDED,
  /** Every item failed, or the job was interrupted. */
  FAILED,
  /** Some items failed, others did not. */
  PARTIAL;

  public boolean isFinished() {
    return this != QUEUED && this != RUNNING;
  }
}
