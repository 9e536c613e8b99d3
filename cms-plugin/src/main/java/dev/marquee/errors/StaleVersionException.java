package dev.marquee.errors;

/** An update named a version of the resource that is no longer current (optimistic locking). */
public class StaleVersionException extends RuntimeException {
  private final long currentVersion;

  public StaleVersionException(String message, long currentVersion) {
    super(message);
    this.currentVersion = currentVersion;
  }

  /** The version the caller must read again before retrying. */
  public long currentVersion() {
    return currentVersion;
  }
}
