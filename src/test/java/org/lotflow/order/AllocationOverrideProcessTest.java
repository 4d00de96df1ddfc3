package org.lotflow.order;

import org.lotflow.shared.NotPermitted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code allocationOverride}: approved and allocated, approved but lot gone, refused. */
@Deployment(resources = "bpmn/allocationOverride.bpmn")
class AllocationOverrideProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml").build();

    ProcessEngine engine;
    ExecutionListener startListener = mock(ExecutionListener.class);
    TaskListener approveListener = mock(TaskListener.class);
    JavaDelegate allocateOverride = mock(JavaDelegate.class);
    JavaDelegate allocateByFefo = mock(JavaDelegate.class);

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        Mocks.register("overrideStartListener", startListener);
        Mocks.register("approveOverrideListener", approveListener);
        Mocks.register("allocateOverrideDelegate", allocateOverride);
        Mocks.register("allocateByFefoDelegate", allocateByFefo);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    /** As OrderService starts it: the order number as business key, no variables. */
    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey("allocationOverride", "SO-2025-1345");
    }

    /** The complete listener writes the gateway's routing variable from the decision it recorded. */
    private void decisionRecorded(boolean approved) throws Exception {
        doAnswer(inv -> {
            DelegateTask task = inv.getArgument(0);
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                task.getExecution().getProcessInstance().setVariableLocal("approved", approved);
            }
            return null;
        }).when(approveListener).notify(any());
    }

    private void lotStillHasStock(boolean allocated) throws Exception {
        doAnswer(inv -> {
            DelegateExecution execution = inv.getArgument(0);
            execution.setVariable("requestedLotAllocated", allocated);
            return null;
        }).when(allocateOverride).execute(any());
    }

    private void assertCandidates(String taskKey, String... groups) {
        var task = engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .filteredOn(l -> "candidate".equals(l.getType())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder(groups);
    }

    @Test
    void approvedOverrideAllocatesTheRequestedLot() throws Exception {
        lotStillHasStock(true);
        decisionRecorded(true);
        ProcessInstance pi = start();
        verify(startListener).notify(any(DelegateExecution.class));
        BpmnAwareTests.assertThat(pi).isWaitingAt("approveOverride");
        assertCandidates("approveOverride", "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "validated lot"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("allocateRequestedLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("allocateRequestedLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_OverrideAllocated");
        verify(allocateOverride).execute(any());
        verify(allocateByFefo, never()).execute(any());
        verify(approveListener, org.mockito.Mockito.times(2)).notify(any()); // create and complete
    }

    @Test
    void approvedOverrideOfALotWithoutStockHasItsOwnOutcome() throws Exception {
        lotStillHasStock(false);
        decisionRecorded(true);
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "ok"));
        BpmnAwareTests.execute(BpmnAwareTests.job("allocateRequestedLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_LotUnavailable")
                .hasNotPassed("EndEvent_OverrideAllocated");
    }

    @Test
    void refusedOverrideLeavesTheOrderToFefo() throws Exception {
        decisionRecorded(false);
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", false, "comment", "no"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("allocateByFefo");
        BpmnAwareTests.execute(BpmnAwareTests.job("allocateByFefo"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("allocateRequestedLot");
        verify(allocateByFefo).execute(any());
        verify(allocateOverride, never()).execute(any());
    }

    @Test
    void aRefusingListenerKeepsTheTaskOpen() throws Exception {
        doAnswer(inv -> {
            org.camunda.bpm.engine.delegate.DelegateTask task = inv.getArgument(0);
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                throw new org.camunda.bpm.engine.BadUserRequestException("Only a QA manager may decide");
            }
            return null;
        }).when(approveListener).notify(any());
        ProcessInstance pi = start();
        try {
            BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "sales says yes"));
        } catch (RuntimeException expected) {
            assertThat(expected).hasMessageContaining("QA manager");
        }
        BpmnAwareTests.assertThat(pi).isWaitingAt("approveOverride");
        verify(allocateOverride, never()).execute(any());
    }

    @Test
    void theGatewayFollowsTheRecordedDecisionNotTheVariableAUserSent() throws Exception {
        decisionRecorded(false);
        ProcessInstance pi = start();
        // the user sends approved=true; the routing value the listener writes from its recorded refusal wins
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "yes"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("allocateByFefo");
    }

    @Test
    void aRefusingStartListenerStartsNothing() throws Exception {
        doAnswer(inv -> {
            throw new org.lotflow.shared.NotPermitted("allocationOverride is started only by an order");
        }).when(startListener).notify(any(DelegateExecution.class));
        org.assertj.core.api.Assertions.assertThatThrownBy(this::start)
                .isInstanceOf(org.lotflow.shared.Refusal.class);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
        verify(approveListener, never()).notify(any());
    }
}
