package org.lotflow.quarantine.internal.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.quarantine.internal.DecisionOverdue;
import org.lotflow.quarantine.internal.DispositionOutcomes;
import org.lotflow.quarantine.internal.QuarantineQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code quarantineInvestigation}'s service tasks: each calls its use case with
 * the hold bound to this process instance ({@link BoundHold}, never a variable); the use case re-checks
 * the hold's signed disposition before it acts and refuses otherwise (the job is retried, then an
 * incident). The signer recorded in the hold is the one named in the history.
 */
@Configuration(proxyBeanMethods = false)
class QuarantineOutcomeDelegates {

    /** Service task {@code releaseHeldLot}. */
    @Bean("releaseHeldLotDelegate")
    JavaDelegate releaseHeldLotDelegate(QuarantineQueries queries, DispositionOutcomes outcomes) {
        return execution -> outcomes.release(BoundHold.of(queries, execution).getId());
    }

    /** Service task {@code rejectHeldLot}. */
    @Bean("rejectHeldLotDelegate")
    JavaDelegate rejectHeldLotDelegate(QuarantineQueries queries, DispositionOutcomes outcomes) {
        return execution -> outcomes.reject(BoundHold.of(queries, execution).getId());
    }

    /** Service task {@code recallHeldLot}. */
    @Bean("recallHeldLotDelegate")
    JavaDelegate recallHeldLotDelegate(QuarantineQueries queries, DispositionOutcomes outcomes) {
        return execution -> outcomes.recall(BoundHold.of(queries, execution).getId());
    }

    /** Service task {@code recordDecisionOverdue} (boundary timers at the decision due date). */
    @Bean("quarantineOverdueDelegate")
    JavaDelegate quarantineOverdueDelegate(QuarantineQueries queries, DecisionOverdue overdue) {
        return execution -> overdue.record(BoundHold.of(queries, execution).getId());
    }
}
