package dev.marquee.demo;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How far this node got in preparing the demo, for the /demo page and the traffic simulator: what
 * it is doing, a count where there is one (variants rendered of those planned), and the delivery
 * key once everything is ready.
 */
@ApplicationScoped
public class DemoProgress {
  /** The demo's states. */
  public enum State {
    /** Demo data is off, or the catalog held other data: there is no demo on this server. */
    OFF,
    /** Setting up in the background; the page shows {@link Snapshot#message()}. */
    PREPARING,
    /** Everything is set up; the page can use the key. */
    READY,
    /** Setting up failed; the message says why (the log has the details). */
    FAILED
  }

  /**
   * One consistent view of the progress.
   *
   * @param done units of the current step finished, or -1 when it is not counted
   * @param apiKey the demo app's key, only when READY
   */
  public record Snapshot(State state, String message, int done, int total, String apiKey) {}

  private volatile Snapshot current = new Snapshot(State.OFF, "The demo is off.", -1, 0, null);

  public Snapshot snapshot() {
    return current;
  }

  void preparing(String message) {
    current = new Snapshot(State.PREPARING, message, -1, 0, null);
  }

  void counting(String message, int done, int total) {
    current = new Snapshot(State.PREPARING, message, done, total, null);
  }

  void ready(String apiKey) {
    current = new Snapshot(State.READY, "The demo is ready.", -1, 0, apiKey);
  }

  void failed(String message) {
    current = new Snapshot(State.FAILED, message, -1, 0, null);
  }

  void off(String message) {
    current = new Snapshot(State.OFF, message, -1, 0, null);
  }
}
