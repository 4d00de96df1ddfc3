package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code quarantineInvestigation}'s service tasks: each calls the service
 * with the hold id. The signer recorded in the hold is the one named in the history.
 */
@Configuration(proxyBeanMethods = false)
class QuarantineOutcomeDelegates {

    static Long holdId(DelegateExecution execution) {
        return ((Number) execution.getVariable("holdId")).longValue();
    }

    /** Service task {@code releaseHeldLot}. */
    @Bean("releaseHeldLotDelegate")
    JavaDelegate releaseHeldLotDelegate(QuarantineService quarantine) {
        return execution -> quarantine.releaseHeld(holdId(execution));
    }

    /** Service task {@code rejectHeldLot}. */
    @Bean("rejectHeldLotDelegate")
    JavaDelegate rejectHeldLotDelegate(QuarantineService quarantine) {
        return execution -> quarantine.rejectHeld(holdId(execution));
    }

    /** Service task {@code recallHeldLot}. */
    @Bean("recallHeldLotDelegate")
    JavaDelegate recallHeldLotDelegate(QuarantineService quarantine) {
        return execution -> quarantine.recallHeld(holdId(execution));
    }

    /** Service task {@code recordDecisionOverdue} (boundary timers at the decision due date). */
    @Bean("quarantineOverdueDelegate")
    JavaDelegate quarantineOverdueDelegate(QuarantineService quarantine) {
        return execution -> quarantine.recordOverdue(holdId(execution));
    }
}
