package dev.marquee.scheduling;

import java.util.Collection;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One polling round over the items that are due: each is handled on its own, so one failing item
 * (logged, and due again next round) never stops the others, and the round never throws, so a
 * fixed-delay schedule keeps running.
 */
public final class DueWorkRound {
  private DueWorkRound() {}

  /**
   * @param log where failures go
   * @param what what an item is, for the log, e.g. "scheduled publish of promotion"
   * @param due the items due now
   * @param handle handles one item; true if it did the work (another node may have claimed it)
   * @return how many items were handled here
   */
  public static <T> int run(
      Logger log, String what, Supplier<? extends Collection<T>> due, Predicate<T> handle) {
    int done = 0;
    try {
      for (T item : due.get()) {
        try {
          if (handle.test(item)) {
            done++;
          }
        } catch (RuntimeException e) {
          log.log(Level.WARNING, what + " " + item + " failed; retrying next round", e);
        }
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
      }
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "A round of " + what + " failed; retrying next round", e);
    }
    return done;
  }
}
