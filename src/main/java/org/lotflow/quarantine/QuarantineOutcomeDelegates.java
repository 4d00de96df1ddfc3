package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin delegates of {@code quarantineInvestigation}'s service tasks: each calls the service
 * with the hold bound to this process instance (never a variable); the service re-checks the
 * hold's signed disposition before it acts and refuses otherwise (the job is retried, then an
 * incident). The signer recorded in the hold is the one named in the history.
 */
@Configuration(proxyBeanMethods = false)
class QuarantineOutcomeDelegates {

    static Long holdId(QuarantineService quarantine, DelegateExecution execution) {
        return QuarantineFacts.hold(quarantine, execution).getId();
    }

    /** Service task {@code releaseHeldLot}. */
    @Bean("releaseHeldLotDelegate")
    JavaDelegate releaseHeldLotDelegate(QuarantineService quarantine) {
        return execution -> quarantine.releaseHeld(holdId(quarantine, execution));
    }

    /** Service task {@code rejectHeldLot}. */
    @Bean("rejectHeldLotDelegate")
    JavaDelegate rejectHeldLotDelegate(QuarantineService quarantine) {
        return execution -> quarantine.rejectHeld(holdId(quarantine, execution));
    }

    /** Service task {@code recallHeldLot}. */
    @Bean("recallHeldLotDelegate")
    JavaDelegate recallHeldLotDelegate(QuarantineService quarantine) {
        return execution -> quarantine.recallHeld(holdId(quarantine, execution));
    }

    /** Service task {@code recordDecisionOverdue} (boundary timers at the decision due date). */
    @Bean("quarantineOverdueDelegate")
    JavaDelegate quarantineOverdueDelegate(QuarantineService quarantine) {
        return execution -> quarantine.recordOverdue(holdId(quarantine, execution));
    }
}
