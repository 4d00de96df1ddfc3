package org.lotflow.quarantine.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.lotflow.shared.StateConflict;
import org.lotflow.support.ProcessTest;

/**
 * Every path of {@code quarantineInvestigation}: release, reject (with disposal), recall, the
 * escalation when the decision due date passes, and the Tasklist start form. Listeners and
 * delegates are mocks; the BPMN, its gateways, timers and routing are real.
 */
@Deployment(resources = "bpmn/quarantineInvestigation.bpmn")
class QuarantineProcessTest extends ProcessTest {

    static final String BUSINESS_KEY = "IL250-2024-089";

    ExecutionListener startListener = executionListener("quarantineStartListener");
    TaskListener investigateListener = taskListener("investigateLotListener");
    TaskListener decideListener = taskListener("decideDispositionListener");
    TaskListener informListener = taskListener("informCustomersListener");
    TaskListener disposalListener = taskListener("confirmDisposalListener");
    JavaDelegate releaseLot = delegate("releaseHeldLotDelegate");
    JavaDelegate rejectLot = delegate("rejectHeldLotDelegate");
    JavaDelegate recallLot = delegate("recallHeldLotDelegate");
    JavaDelegate overdue = delegate("quarantineOverdueDelegate");
    ExecutionListener endListener = executionListener("quarantineEndListener");
    QuarantineFacts facts = register("quarantineFacts", org.mockito.Mockito.mock(QuarantineFacts.class));

    /** As lotflow starts it for an API hold: the hold is placed, only the due date is given. */
    private ProcessInstance startByService() {
        return engine.getRuntimeService().startProcessInstanceByKey("quarantineInvestigation", BUSINESS_KEY,
                Map.of("decisionDueAt", inDays(7)));
    }

    private static Date inDays(int days) {
        return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }

    private void investigateAndDecide(ProcessInstance pi, String decision) {
        investigateAndDecide(pi, decision, 2);
    }

    /** The hold's records as quarantineFacts reads them: customers who received the lot, the signed decision. */
    private void investigateAndDecide(ProcessInstance pi, String decision, int customers) {
        org.mockito.Mockito.when(facts.customers(any())).thenReturn(customers);
        org.mockito.Mockito.when(facts.disposalNeeded(any())).thenReturn("REJECT".equals(decision));
        BpmnAwareTests.assertThat(pi).isWaitingAt("investigateLot");
        assertCandidateGroups("investigateLot", "qa-analyst", "qa-manager");
        assertThat(BpmnAwareTests.task(pi).getDueDate()).isNotNull();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("findings", "viscosity 249 cSt on retest"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("decideDisposition");
        assertCandidateGroups("decideDisposition", "qa-manager");
        assertThat(BpmnAwareTests.task(pi).getDueDate()).isNotNull();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("decision", decision));
    }

    @Test
    void releaseReturnsTheLotAndCustomersAreInformed() throws Exception {
        ProcessInstance pi = startByService();
        verify(startListener).notify(any());
        investigateAndDecide(pi, "RELEASE");
        BpmnAwareTests.assertThat(pi).isWaitingAt("releaseHeldLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("releaseHeldLot"));
        verify(releaseLot).execute(any());
        BpmnAwareTests.assertThat(pi).isWaitingAt("informCustomers");
        assertCandidateGroups("informCustomers", "qa-manager");
        verify(endListener, never()).notify(any()); // customers still to inform: the case goes on
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("customerNotice", "phoned"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Released").hasNotPassed("confirmDisposal");
        verify(endListener).notify(any()); // the case is complete only now
        verify(rejectLot, never()).execute(any());
        verify(recallLot, never()).execute(any());
        verify(overdue, never()).execute(any());
    }

    @Test
    void rejectIsFollowedByInformingCustomersAndDisposal() throws Exception {
        ProcessInstance pi = startByService();
        investigateAndDecide(pi, "REJECT");
        BpmnAwareTests.assertThat(pi).isWaitingAt("rejectHeldLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("rejectHeldLot"));
        verify(rejectLot).execute(any());
        BpmnAwareTests.assertThat(pi).isWaitingAt("informCustomers");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("customerNotice", "e-mailed"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("confirmDisposal");
        assertCandidateGroups("confirmDisposal", "qa-manager", "production");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("disposalMethod", "DESTROYED"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Disposed");
        verify(disposalListener, org.mockito.Mockito.times(2)).notify(any()); // create and complete
        verify(releaseLot, never()).execute(any());
    }

    @Test
    void withNobodyWhoReceivedTheLotThereIsNobodyToInform() throws Exception {
        ProcessInstance released = startByService();
        investigateAndDecide(released, "RELEASE", 0);
        BpmnAwareTests.execute(BpmnAwareTests.job("releaseHeldLot", released));
        BpmnAwareTests.assertThat(released).isEnded().hasPassed("EndEvent_Released").hasNotPassed("informCustomers");

        ProcessInstance rejected = startByService();
        investigateAndDecide(rejected, "REJECT", 0);
        BpmnAwareTests.execute(BpmnAwareTests.job("rejectHeldLot", rejected));
        BpmnAwareTests.assertThat(rejected).isWaitingAt("confirmDisposal").hasNotPassed("informCustomers");
        verify(informListener, never()).notify(any());
    }

    /**
     * Re-test 27 R3: the signed RELEASE meets a source lot that became unfit for use; {@code releaseHeldLot} throws
     * {@code SOURCE_LOT_UNFIT} (nothing released, recorded, hold open) and the QA managers decide again; the new REJECT
     * is carried out.
     */
    @Test
    void aReleaseNotCarriedOutForAnUnfitSourceGoesBackToTheDecision() throws Exception {
        ProcessInstance pi = startByService();
        org.mockito.Mockito.doThrow(new org.camunda.bpm.engine.delegate.BpmnError(
                QuarantineOutcomeDelegates.SOURCE_LOT_UNFIT, "made from a held lot")).when(releaseLot).execute(any());
        investigateAndDecide(pi, "RELEASE");
        BpmnAwareTests.assertThat(pi).isWaitingAt("releaseHeldLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("releaseHeldLot"));
        verify(releaseLot).execute(any());
        BpmnAwareTests.assertThat(pi).hasPassed("Error_SourceLotUnfit").isWaitingAt("decideDisposition");
        assertCandidateGroups("decideDisposition", "qa-manager");
        assertThat(BpmnAwareTests.task(pi).getDueDate()).isNotNull();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        org.mockito.Mockito.when(facts.disposalNeeded(any())).thenReturn(true);
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("decision", "REJECT"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("rejectHeldLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("rejectHeldLot"));
        verify(rejectLot).execute(any());
        BpmnAwareTests.assertThat(pi).isWaitingAt("informCustomers");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("customerNotice", "e-mailed"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("confirmDisposal");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("disposalMethod", "DESTROYED"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Disposed").hasNotPassed("EndEvent_Released");
        verify(releaseLot).execute(any()); // once: the new decision is carried out, not the old one
    }

    @Test
    void recallHandsOverToTheRecallProcess() throws Exception {
        ProcessInstance pi = startByService();
        investigateAndDecide(pi, "RECALL");
        BpmnAwareTests.assertThat(pi).isWaitingAt("recallHeldLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("recallHeldLot"));
        verify(recallLot).execute(any());
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_RecallRequested")
                .hasNotPassed("informCustomers", "confirmDisposal");
    }

    @Test
    void passingTheDecisionDueDateEscalatesAndKeepsTheInvestigationOpen() throws Exception {
        ProcessInstance pi = startByService();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId("Timer_InvestigationOverdue").singleResult();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate()).isAfter(inDays(6)).isBefore(inDays(8));
        BpmnAwareTests.execute(timer);
        BpmnAwareTests.assertThat(pi).isWaitingAt("recordDecisionOverdue", "investigateLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("recordDecisionOverdue"));
        verify(overdue).execute(any());
        BpmnAwareTests.assertThat(pi).isNotEnded().isWaitingAt("investigateLot").hasPassed("EndEvent_OverdueRecorded");
    }

    @Test
    void anOverdueDecisionEscalatesToo() throws Exception {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("quarantineInvestigation",
                BUSINESS_KEY, Map.of("decisionDueAt", inDays(7)));
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("findings", "x"));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        assertThat(timer.getJobDefinitionId()).isNotNull();
        BpmnAwareTests.execute(timer);
        BpmnAwareTests.execute(BpmnAwareTests.job("recordDecisionOverdue"));
        verify(overdue).execute(any());
        BpmnAwareTests.assertThat(pi).isWaitingAt("decideDisposition");
    }

    @Test
    void theTasklistStartFormPlacesTheHoldThroughTheStartListener() throws Exception {
        doAnswer(inv -> {
            DelegateExecution execution = inv.getArgument(0);
            // what the real listener does once the service accepted the hold
            assertThat(QuarantineInvestigationVariables.LOT_NUMBER.get(execution)).isEqualTo(BUSINESS_KEY);
            execution.setProcessBusinessKey(QuarantineInvestigationVariables.LOT_NUMBER.get(execution));
            QuarantineInvestigationVariables.DECISION_DUE_AT.set(execution, inDays(7));
            return null;
        }).when(startListener).notify(any());
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("quarantineInvestigation").singleResult().getId();
        assertThat(engine.getFormService().getStartFormKey(definitionId)).isNull(); // a Camunda Form (formRef)
        ProcessInstance pi = engine.getFormService().submitStartForm(definitionId, Variables.createVariables()
                .putValue("lotNumber", BUSINESS_KEY).putValue("source", "COMPLAINT")
                .putValue("reason", "Viscosity 5% below specification").putValue("reference", "Industrial Services Inc."));
        verify(startListener).notify(any());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult().getBusinessKey()).isEqualTo(BUSINESS_KEY);
        BpmnAwareTests.assertThat(pi).isWaitingAt("investigateLot");
        assertCandidateGroups("investigateLot", "qa-analyst", "qa-manager");
    }

    @Test
    void aRefusedStartFormStartsNothing() throws Exception {
        doAnswer(inv -> {
            throw new StateConflict("Lot IL250-2024-089 is REJECTED; it cannot be held"); // as the real listener
        }).when(startListener).notify(any());
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("quarantineInvestigation").singleResult().getId();
        Throwable refused = catchThrowable(() -> engine.getFormService().submitStartForm(definitionId,
                Map.of("lotNumber", BUSINESS_KEY, "reason", "x")));
        assertThat(refused).as("start accepted").isNotNull();
        Throwable cause = refused;
        while (!(cause instanceof StateConflict) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(StateConflict.class).hasMessageContaining("cannot be held");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }
}
