package org.lotflow.recall.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lotflow.shared.StateConflict;
import org.lotflow.support.ProcessTest;

/**
 * Every path of {@code lotRecall}: customers' notification processes started in batches (a job per
 * batch, side by side, then a catch-up loop until none is left), then waiting for the message that every customer answered (refused while
 * lotflow's rows say otherwise), effectiveness and close; and a recall without customers straight to
 * close. Listeners and delegates are mocks; {@code recallNotification} has its own test.
 */
@Deployment(resources = "bpmn/lotRecall.bpmn")
class LotRecallProcessTest extends ProcessTest {

    ExecutionListener startListener = executionListener("recallStartListener");
    RecallFacts facts = register("recallFacts", mock(RecallFacts.class));
    JavaDelegate startBatch = delegate("startNotificationBatchDelegate");
    JavaDelegate startNotifications = delegate("startNotificationsDelegate");
    ExecutionListener answeredListener = executionListener("customersAnsweredListener");
    TaskListener closeListener = taskListener("closeRecallListener");
    JavaDelegate assess = delegate("assessEffectivenessDelegate");
    JavaDelegate report = delegate("recordRecallReportDelegate");

    /** As RecallOpening starts it: the recall number as business key, no variables; facts from recallFacts. */
    private ProcessInstance start(int customerCount) {
        when(facts.customers(any())).thenReturn(customerCount);
        return engine.getRuntimeService().startProcessInstanceByKey("lotRecall", "RC-2025-001");
    }

    private void closeAndReport(ProcessInstance pi) {
        Task close = BpmnAwareTests.task("closeRecall", pi);
        assertCandidateGroups("closeRecall", "qa-manager");
        BpmnAwareTests.complete(close, Map.of("comment", "all stock retrieved"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("recordRecallReport");
        BpmnAwareTests.execute(BpmnAwareTests.job("recordRecallReport", pi));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_RecallClosed");
    }

    private void customersAnswered(ProcessInstance pi) {
        engine.getRuntimeService().createMessageCorrelation("recallCustomersAnswered").processInstanceId(pi.getId())
                .correlate();
    }

    @Test
    void customersGetTheirProcessesInBatchesSideBySideThenEveryAnswerLeadsToEffectivenessAndClose() throws Exception {
        ProcessInstance pi = start(250);
        verify(startListener).notify(any(DelegateExecution.class));
        // nothing is started in the opening's transaction: the batches are made by a job of their own
        BpmnAwareTests.assertThat(pi).isWaitingAt("SubProcess_StartNotificationBatches#multiInstanceBody");
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).isEmpty();
        when(facts.batches(any())).thenReturn(3);
        BpmnAwareTests.execute(BpmnAwareTests.jobQuery().processInstanceId(pi.getId()).singleResult());

        // three batches, each a job that may run beside the others (not exclusive), its loop counter its batch
        java.util.List<org.camunda.bpm.engine.runtime.Job> batches = engine.getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).activityId("startNotificationBatch").list();
        assertThat(batches).hasSize(3).noneMatch(j -> ((org.camunda.bpm.engine.impl.persistence.entity.JobEntity) j)
                .isExclusive());
        java.util.List<Object> counters = new java.util.ArrayList<>();
        doAnswer(inv -> counters.add(((DelegateExecution) inv.getArgument(0)).getVariable("loopCounter")))
                .when(startBatch).execute(any());
        for (org.camunda.bpm.engine.runtime.Job batch : batches) {
            BpmnAwareTests.execute(batch);
        }
        assertThat(counters).containsExactlyInAnyOrder(0, 1, 2);
        // each batch ends in a job of its own (exclusive: the batches' ends never collide)
        for (org.camunda.bpm.engine.runtime.Job end : engine.getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).activityId("EndEvent_BatchStarted").list()) {
            BpmnAwareTests.execute(end);
        }

        // then the catch-up: one customer was left (a batch met another), a second round finds none
        int[] toStart = {1};
        when(facts.customersToStart(any())).thenAnswer(inv -> toStart[0]);
        doAnswer(inv -> toStart[0] = 0).when(startNotifications).execute(any());
        BpmnAwareTests.execute(BpmnAwareTests.job("startNotificationProcesses", pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("Event_CustomersAnswered");
        verify(startNotifications, times(1)).execute(any());
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName("recallCustomersAnswered").count()).isOne();

        customersAnswered(pi);
        verify(answeredListener).notify(any(DelegateExecution.class));
        BpmnAwareTests.assertThat(pi).isWaitingAt("assessEffectiveness");
        BpmnAwareTests.execute(BpmnAwareTests.job("assessEffectiveness", pi));
        verify(assess).execute(any());
        closeAndReport(pi);
        verify(report).execute(any());
        BpmnAwareTests.assertThat(pi).hasPassedInOrder("startNotificationBatch", "startNotificationProcesses",
                "Event_CustomersAnswered", "assessEffectiveness", "closeRecall", "recordRecallReport");
    }

    /** Runs the batches of a recall of a few customers: one batch, nothing left to catch up. */
    private void startBatches(ProcessInstance pi) {
        when(facts.batches(any())).thenReturn(1);
        when(facts.customersToStart(any())).thenReturn(0);
        BpmnAwareTests.execute(BpmnAwareTests.jobQuery().processInstanceId(pi.getId()).singleResult());
        BpmnAwareTests.execute(BpmnAwareTests.job("startNotificationBatch", pi));
        BpmnAwareTests.execute(BpmnAwareTests.job("EndEvent_BatchStarted", pi));
        BpmnAwareTests.execute(BpmnAwareTests.job("startNotificationProcesses", pi));
    }

    @Test
    void theAnsweredMessageIsRefusedWhileACustomerIsOpenAndTheRecallKeepsWaiting() throws Exception {
        ProcessInstance pi = start(2);
        startBatches(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAt("Event_CustomersAnswered");

        doThrow(new StateConflict("Recall RC-2025-001 still has 1 customer notification(s) without an answer"))
                .when(answeredListener).notify(any(DelegateExecution.class));
        assertThatThrownBy(() -> customersAnswered(pi)).hasMessageContaining("still has 1 customer");
        BpmnAwareTests.assertThat(pi).isWaitingAt("Event_CustomersAnswered").hasNotPassed("assessEffectiveness");

        org.mockito.Mockito.reset(answeredListener);
        customersAnswered(pi);
        BpmnAwareTests.execute(BpmnAwareTests.job("assessEffectiveness", pi));
        closeAndReport(pi);
    }

    @Test
    void aRecallWithoutCustomersGoesStraightToClose() throws Exception {
        ProcessInstance pi = start(0);
        BpmnAwareTests.assertThat(pi).isWaitingAt("closeRecall").hasNotPassed("startNotificationBatch",
                "startNotificationProcesses", "assessEffectiveness");
        verify(startBatch, never()).execute(any());
        verify(startNotifications, never()).execute(any());
        closeAndReport(pi);
        verify(closeListener, times(2)).notify(any(DelegateTask.class)); // create and complete
    }
}
