package dev.marquee.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.database.ConcurrencyFailures;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

  @Test
  void uniqueKeyViolationAtCommitIsAConflict() {
    Throwable wrapped =
        new PersistenceException(
            "could not execute statement",
            new SQLIntegrityConstraintViolationException("duplicate key", "23505"));
    assertThat(UnexpectedExceptionMapper.concurrentChange(new RuntimeException(wrapped)).status())
        .isEqualTo(409);
  }

  @Test
  void optimisticLockFailureIsAStaleVersion() {
    assertThat(
            UnexpectedExceptionMapper.concurrentChange(
                    new RuntimeException(new OptimisticLockException("row was updated")))
                .status())
        .isEqualTo(412);
  }

  @Test
  void lockTimeoutsDeadlocksAndSerialisationFailuresAreRetryable() {
    assertThat(
            ConcurrencyFailures.lockContention(
                new PersistenceException(new PessimisticLockException("row locked"))))
        .isTrue();
    for (String state : new String[] {"HYT00", "40001", "40P01", "55P03"}) {
      assertThat(
              ConcurrencyFailures.lockContention(
                  new RuntimeException(new java.sql.SQLException("busy", state))))
          .as(state)
          .isTrue();
    }
    assertThat(
            ConcurrencyFailures.lockContention(
                new PersistenceException(new java.sql.SQLException("disk full", "53100"))))
        .isFalse();
  }

  @Test
  void everythingElseStaysAnIncident() {
    assertThat(UnexpectedExceptionMapper.concurrentChange(new NullPointerException())).isNull();
    assertThat(
            UnexpectedExceptionMapper.concurrentChange(
                new PersistenceException(new java.sql.SQLException("disk full", "53100"))))
        .isNull();
  }
}
