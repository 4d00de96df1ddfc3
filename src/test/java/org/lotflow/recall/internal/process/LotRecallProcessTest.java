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
 * Every path of {@code lotRecall}: customers' notification processes started in batches (one job per
 * batch) until none is left, then waiting for the message that every customer answered (refused while
 * lotflow's rows say otherwise), effectiveness and close; and a recall without customers straight to
 * close. Listeners and delegates are mocks; {@code recallNotification} has its own test.
 */
@Deployment(resources = "bpmn/lotRecall.bpmn")
class LotRecallProcessTest extends ProcessTest {

    ExecutionListener startListener = executionListener("recallStartListener");
    RecallFacts facts = register("recallFacts", mock(RecallFacts.class));
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
    void customersGetTheirProcessesInBatchesThenEveryAnswerLeadsToEffectivenessAndClose() throws Exception {
        ProcessInstance pi = start(1200);
        verify(startListener).notify(any(DelegateExecution.class));
        // nothing is started in the opening's transaction: the first batch is a job of its own
        BpmnAwareTests.assertThat(pi).isWaitingAt("startNotificationProcesses");
        verify(startNotifications, never()).execute(any());
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).isEmpty();

        // 1,200 customers in batches of 500: three jobs, each a transaction of its own
        int[] toStart = {1200};
        when(facts.customersToStart(any())).thenAnswer(inv -> toStart[0]);
        doAnswer(inv -> toStart[0] -= Math.min(500, toStart[0])).when(startNotifications).execute(any());
        BpmnAwareTests.execute(BpmnAwareTests.job("startNotificationProcesses", pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("startNotificationProcesses");
        BpmnAwareTests.execute(BpmnAwareTests.job("startNotificationProcesses", pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("startNotificationProcesses");
        BpmnAwareTests.execute(BpmnAwareTests.job("startNotificationProcesses", pi));
        verify(startNotifications, times(3)).execute(any());
        BpmnAwareTests.assertThat(pi).isWaitingAt("Event_CustomersAnswered");
        assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName("recallCustomersAnswered").count()).isOne();

        customersAnswered(pi);
        verify(answeredListener).notify(any(DelegateExecution.class));
        BpmnAwareTests.assertThat(pi).isWaitingAt("assessEffectiveness");
        BpmnAwareTests.execute(BpmnAwareTests.job("assessEffectiveness", pi));
        verify(assess).execute(any());
        closeAndReport(pi);
        verify(report).execute(any());
        BpmnAwareTests.assertThat(pi).hasPassedInOrder("startNotificationProcesses", "Event_CustomersAnswered",
                "assessEffectiveness", "closeRecall", "recordRecallReport");
    }

    @Test
    void theAnsweredMessageIsRefusedWhileACustomerIsOpenAndTheRecallKeepsWaiting() throws Exception {
        ProcessInstance pi = start(2);
        when(facts.customersToStart(any())).thenReturn(0);
        BpmnAwareTests.execute(BpmnAwareTests.job("startNotificationProcesses", pi));
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
        BpmnAwareTests.assertThat(pi).isWaitingAt("closeRecall").hasNotPassed("startNotificationProcesses",
                "assessEffectiveness");
        verify(startNotifications, never()).execute(any());
        closeAndReport(pi);
        verify(closeListener, times(2)).notify(any(DelegateTask.class)); // create and complete
    }
}
