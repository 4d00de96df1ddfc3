package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** A request that lost a race (version check, lock timeout, deadlock victim) is a 409, never a 500. */
class ProblemHandlerTest {

    final ProblemHandler handler = new ProblemHandler();

    @Test
    void everyLostRaceIsAConflictToRetry() {
        for (RuntimeException lost : new RuntimeException[] {
                new ObjectOptimisticLockingFailureException("Lot", 7L),
                new DeadlockLoserDataAccessException("deadlock detected", null),
                new CannotAcquireLockException("lock timeout"),
                new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed")}) {
            assertThat(handler.optimistic(lost).getStatus()).as(lost.getClass().getSimpleName()).isEqualTo(409);
            assertThat(handler.optimistic(lost).getDetail()).contains("try again");
        }
    }
}
