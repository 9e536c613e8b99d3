package dev.marquee.database;

import java.sql.SQLException;

/**
 * Recognises the database failures that concurrent requests cause, wherever they sit in an
 * exception's cause chain, so callers can tell a race (retry, or tell the client to) from a defect.
 */
public final class ConcurrencyFailures {
  private ConcurrencyFailures() {}

  /**
   * A lock the transaction waited for too long (H2's lock timeout, SQL state HYT00), a deadlock
   * victim (PostgreSQL 40P01), a serialisation failure (40001) or lock_not_available (55P03): the
   * transaction changed nothing and may be run again.
   */
  public static boolean lockContention(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof jakarta.persistence.PessimisticLockException
          || t instanceof jakarta.persistence.LockTimeoutException) {
        return true;
      }
      String state = sqlState(t);
      if (state != null
          && (state.equals("HYT00")
              || state.equals("40001")
              || state.equals("40P01")
              || state.equals("55P03"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * An integrity constraint (SQL state class 23, e.g. a unique key) broken by a concurrent write.
   */
  public static boolean constraintViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String state = sqlState(t);
      if (state != null && state.startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  private static String sqlState(Throwable t) {
    return t instanceof SQLException sql ? sql.getSQLState() : null;
  }
}
