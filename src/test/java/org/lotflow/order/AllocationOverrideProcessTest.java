package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lotflow.order.internal.process.AllocationOverrideVariables;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.Refusal;
import org.lotflow.support.ProcessTest;

/** Every path of {@code allocationOverride}: approved and allocated, approved but lot gone, refused. */
@Deployment(resources = "bpmn/allocationOverride.bpmn")
class AllocationOverrideProcessTest extends ProcessTest {

    ExecutionListener startListener = executionListener("overrideStartListener");
    TaskListener approveListener = taskListener("approveOverrideListener");
    JavaDelegate allocateOverride = delegate("allocateOverrideDelegate");
    JavaDelegate allocateByFefo = delegate("allocateByFefoDelegate");

    /** As order placement starts it: the order number as business key, no variables. */
    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(AllocationOverrideVariables.PROCESS_KEY,
                "SO-2025-1345");
    }

    /** The complete listener writes the gateway's routing variable from the decision it recorded. */
    private void decisionRecorded(boolean approved) throws Exception {
        onComplete(approveListener, task -> AllocationOverrideVariables.APPROVED
                .setLocal(task.getExecution().getProcessInstance(), approved));
    }

    private void lotStillHasStock(boolean allocated) throws Exception {
        doAnswer(inv -> {
            DelegateExecution execution = inv.getArgument(0);
            AllocationOverrideVariables.REQUESTED_LOT_ALLOCATED.set(execution, allocated);
            return null;
        }).when(allocateOverride).execute(any());
    }

    @Test
    void approvedOverrideAllocatesTheRequestedLot() throws Exception {
        lotStillHasStock(true);
        decisionRecorded(true);
        ProcessInstance pi = start();
        verify(startListener).notify(any(DelegateExecution.class));
        BpmnAwareTests.assertThat(pi).isWaitingAt("approveOverride");
        assertCandidateGroups("approveOverride", "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "validated lot"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("allocateRequestedLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("allocateRequestedLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_OverrideAllocated");
        verify(allocateOverride).execute(any());
        verify(allocateByFefo, never()).execute(any());
        verify(approveListener, times(2)).notify(any()); // create and complete
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
            DelegateTask task = inv.getArgument(0);
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                throw new NotPermitted("Only a QA manager may decide an allocation override");
            }
            return null;
        }).when(approveListener).notify(any());
        ProcessInstance pi = start();
        assertThatThrownBy(() -> BpmnAwareTests.complete(BpmnAwareTests.task(pi),
                Map.of("approved", true, "comment", "sales says yes")))
                .hasMessageContaining("QA manager");
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
            throw new NotPermitted("allocationOverride is started only by an order");
        }).when(startListener).notify(any(DelegateExecution.class));
        assertThatThrownBy(this::start).isInstanceOf(Refusal.class);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
        verify(approveListener, never()).notify(any());
    }
}
