package org.lotflow.quarantine.internal.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.lot.UnfitSource;
import org.lotflow.quarantine.internal.DecisionOverdue;
import org.lotflow.quarantine.internal.DispositionOutcomes;
import org.lotflow.quarantine.internal.QuarantineQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code quarantineInvestigation}'s service tasks: each calls its use case with
 * the hold bound to this process instance ({@link BoundHold}, never a variable); the use case re-checks
 * the hold's signed disposition before it acts and refuses otherwise (the job is retried, then an
 * incident). The signer recorded in the hold is the one named in the history. A signed RELEASE whose lot is made
 * from material that became unfit for use after the signature is not carried out: {@code releaseHeldLot} throws the
 * BPMN error {@value #SOURCE_LOT_UNFIT} and the process goes back to {@code decideDisposition} (re-test 27 R3).
 */
@Configuration(proxyBeanMethods = false)
class QuarantineOutcomeDelegates {

    /**
     * The error code of {@code releaseHeldLot}'s boundary event: the signed RELEASE was not carried out because the
     * lot is made from material RECALLED, held in QUARANTINE or REJECTED since the signature (recorded, hold open).
     */
    static final String SOURCE_LOT_UNFIT = "SOURCE_LOT_UNFIT";

    /**
     * Service task {@code releaseHeldLot}: {@link DispositionOutcomes#release}; when it answers unfit sources (nothing
     * released, recorded as not carried out in its transaction), the BPMN error {@value #SOURCE_LOT_UNFIT}, thrown
     * outside that transactional call so what it recorded commits with the step.
     */
    @Bean("releaseHeldLotDelegate")
    JavaDelegate releaseHeldLotDelegate(QuarantineQueries queries, DispositionOutcomes outcomes) {
        return execution -> {
            List<UnfitSource> unfit = outcomes.release(BoundHold.of(queries, execution).getId());
            if (!unfit.isEmpty()) {
                throw new BpmnError(SOURCE_LOT_UNFIT, "The signed release of lot " + execution.getProcessBusinessKey()
                        + " was not carried out: it is made from " + unfit.stream().map(UnfitSource::described)
                                .toList() + "; a new disposition is to be decided");
            }
        };
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
