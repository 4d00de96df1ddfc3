package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code quarantineInvestigation}: release, reject (with disposal), recall, the
 * escalation when the decision due date passes, and the Tasklist start form. Listeners and
 * delegates are mocks; the BPMN, its gateways, timers and routing are real.
 */
@Deployment(resources = "bpmn/quarantineInvestigation.bpmn")
class QuarantineProcessTest {

    static final String BUSINESS_KEY = "IL250-2024-089";

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml").build();

    ProcessEngine engine;
    ExecutionListener startListener = mock(ExecutionListener.class);
    TaskListener investigateListener = mock(TaskListener.class);
    TaskListener decideListener = mock(TaskListener.class);
    TaskListener informListener = mock(TaskListener.class);
    TaskListener disposalListener = mock(TaskListener.class);
    JavaDelegate releaseLot = mock(JavaDelegate.class);
    JavaDelegate rejectLot = mock(JavaDelegate.class);
    JavaDelegate recallLot = mock(JavaDelegate.class);
    JavaDelegate overdue = mock(JavaDelegate.class);

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        Mocks.register("quarantineStartListener", startListener);
        Mocks.register("investigateLotListener", investigateListener);
        Mocks.register("decideDispositionListener", decideListener);
        Mocks.register("informCustomersListener", informListener);
        Mocks.register("confirmDisposalListener", disposalListener);
        Mocks.register("releaseHeldLotDelegate", releaseLot);
        Mocks.register("rejectHeldLotDelegate", rejectLot);
        Mocks.register("recallHeldLotDelegate", recallLot);
        Mocks.register("quarantineOverdueDelegate", overdue);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    /** As the service starts it for an API hold: the hold is placed, only the due date is given. */
    private ProcessInstance startByService() {
        return engine.getRuntimeService().startProcessInstanceByKey("quarantineInvestigation", BUSINESS_KEY,
                Map.of("decisionDueAt", inDays(7)));
    }

    private static Date inDays(int days) {
        return new Date(System.currentTimeMillis() + days * 86_400_000L);
    }

    private void assertCandidates(ProcessInstance pi, String taskKey, String... groups) {
        var task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .filteredOn(l -> "candidate".equals(l.getType())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder(groups);
    }

    private void investigateAndDecide(ProcessInstance pi, String decision) {
        BpmnAwareTests.assertThat(pi).isWaitingAt("investigateLot");
        assertCandidates(pi, "investigateLot", "qa-analyst", "qa-manager");
        assertThat(BpmnAwareTests.task(pi).getDueDate()).isNotNull();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("findings", "viscosity 249 cSt on retest"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("decideDisposition");
        assertCandidates(pi, "decideDisposition", "qa-manager");
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
        assertCandidates(pi, "informCustomers", "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("customerNotice", "phoned"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Released").hasNotPassed("confirmDisposal");
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
        assertCandidates(pi, "confirmDisposal", "qa-manager", "production");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("disposalMethod", "DESTROYED"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Disposed");
        verify(disposalListener, org.mockito.Mockito.times(2)).notify(any()); // create and complete
        verify(releaseLot, never()).execute(any());
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
            assertThat(execution.getVariable("lotNumber")).isEqualTo(BUSINESS_KEY);
            execution.setProcessBusinessKey((String) execution.getVariable("lotNumber"));
            execution.setVariable("decisionDueAt", inDays(7));
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
        assertCandidates(pi, "investigateLot", "qa-analyst", "qa-manager");
    }

    @Test
    void aRefusedStartFormStartsNothing() throws Exception {
        doAnswer(inv -> {
            throw new org.camunda.bpm.engine.BadUserRequestException("Lot IL250-2024-089 is REJECTED; it cannot be held");
        }).when(startListener).notify(any());
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("quarantineInvestigation").singleResult().getId();
        try {
            engine.getFormService().submitStartForm(definitionId, Map.of("lotNumber", BUSINESS_KEY, "reason", "x"));
            org.junit.jupiter.api.Assertions.fail("start accepted");
        } catch (org.camunda.bpm.engine.BadUserRequestException expected) {
            assertThat(expected.getMessage()).contains("cannot be held");
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }
}
