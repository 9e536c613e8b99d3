package dev.marquee.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
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
  void everythingElseStaysAnIncident() {
    assertThat(UnexpectedExceptionMapper.concurrentChange(new NullPointerException())).isNull();
    assertThat(
            UnexpectedExceptionMapper.concurrentChange(
                new PersistenceException(new java.sql.SQLException("disk full", "53100"))))
        .isNull();
  }
}
