package org.lotflow.recall.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lotflow.recall.internal.RecallDeadlines;
import org.lotflow.support.ProcessTest;

/**
 * Every path of {@code recallNotification} (one customer of a recall): bound by its start listener, its
 * {@code notifyCustomer} task goes to the recall coordinators with the deadline of the recall class as
 * due date and timer; answered in time, or escalated when the deadline passes with the task left open
 * until answered. Listeners and delegates are mocks; the deadlines bean is the real one.
 */
@Deployment(resources = "bpmn/recallNotification.bpmn")
class RecallNotificationProcessTest extends ProcessTest {

    RecallFacts facts = register("recallFacts", mock(RecallFacts.class));
    org.camunda.bpm.engine.delegate.ExecutionListener startListener = executionListener("notificationStartListener");
    TaskListener notifyListener = taskListener("notifyCustomerListener");
    JavaDelegate escalate = delegate("escalateNotificationDelegate");
    RecallDeadlines deadlines = new RecallDeadlines(Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(72));

    /** As NotificationFanOut starts it: the recall number as business key, no variables. */
    private ProcessInstance start(String classification) throws Exception {
        when(facts.notifyBy(any())).thenReturn(Date.from(deadlines.notifyBy(classification,
                ClockUtil.getCurrentTime().toInstant())));
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("recallNotification", "RC-2025-001");
        // the start listener binds the instance to its customer's notification (refuses any other start)
        verify(startListener).notify(any(org.camunda.bpm.engine.delegate.DelegateExecution.class));
        return pi;
    }

    private List<Job> timers(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
    }

    @Test
    void theCustomerAnswersInTime() throws Exception {
        ProcessInstance pi = start("CLASS_II");
        BpmnAwareTests.assertThat(pi).isWaitingAt("notifyCustomer");
        assertCandidateGroups("notifyCustomer", "recall-coordinator");
        verify(notifyListener).notify(any(DelegateTask.class));
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).isEmpty();
        // one non-interrupting timer, due after the CLASS_II deadline (48 h), and the task due then too
        assertThat(timers(pi)).hasSize(1);
        long in47h = ClockUtil.getCurrentTime().getTime() + Duration.ofHours(47).toMillis();
        assertThat(timers(pi).get(0).getDuedate()).isAfter(new Date(in47h));
        Task task = BpmnAwareTests.task("notifyCustomer", pi);
        assertThat(task.getDueDate()).isAfter(new Date(in47h));

        BpmnAwareTests.complete(task, Map.of("acknowledged", true,
                "contactMethod", "PHONE", "contactPerson", "Jane Roe", "quantityReturned", 5));
        verify(notifyListener, times(2)).notify(any(DelegateTask.class)); // create and complete
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_CustomerNotified").hasNotPassed("escalateNotification");
        assertThat(timers(pi)).isEmpty();
        verify(escalate, never()).execute(any());
    }

    @Test
    void anOverdueCustomerIsEscalatedAndItsTaskStaysOpenUntilAnswered() throws Exception {
        ProcessInstance pi = start("CLASS_I");
        long in25h = ClockUtil.getCurrentTime().getTime() + Duration.ofHours(25).toMillis();
        assertThat(timers(pi)).singleElement().matches(j -> j.getDuedate().before(new Date(in25h))); // CLASS_I: 24 h

        BpmnAwareTests.execute(timers(pi).get(0));
        BpmnAwareTests.assertThat(pi).isWaitingAt("escalateNotification", "notifyCustomer");
        BpmnAwareTests.execute(BpmnAwareTests.job("escalateNotification", pi));
        verify(escalate).execute(any());
        BpmnAwareTests.assertThat(pi).hasPassed("EndEvent_Escalated").isWaitingAt("notifyCustomer");

        BpmnAwareTests.complete(BpmnAwareTests.task("notifyCustomer", pi), Map.of("acknowledged", false,
                "contactMethod", "PHONE", "contactPerson", "Jane Roe",
                "quantityReturned", 0));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_CustomerNotified");
    }

    /**
     * A customer not reached and tried again: lotflow's record says the notification is still open, so the task comes
     * back to the recall coordinators (with a deadline timer of its own) until an attempt reaches the customer or none
     * further is recorded (new user 2026-12-06 F13; 21 CFR 7.49).
     */
    @Test
    void aCustomerNotReachedIsTriedAgain() throws Exception {
        ProcessInstance pi = start("CLASS_II");
        when(facts.notificationOpen(any())).thenReturn(true, false);
        Task first = BpmnAwareTests.task("notifyCustomer", pi);
        BpmnAwareTests.complete(first, Map.of("reached", false, "acknowledged", false, "contactMethod", "PHONE",
                "contactPerson", "Reception", "quantityReturned", 0, "tryAgain", true));
        BpmnAwareTests.assertThat(pi).hasPassed("Gateway_AnsweredOrTryAgain").isWaitingAt("notifyCustomer");
        Task second = BpmnAwareTests.task("notifyCustomer", pi);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertCandidateGroups("notifyCustomer", "recall-coordinator");
        assertThat(timers(pi)).hasSize(1);
        // the next attempt keeps the recall's deadline, not 48 h of its own (auditor 2026-12-06 F3)
        assertThat(second.getDueDate()).isEqualTo(first.getDueDate());
        assertThat(timers(pi).get(0).getDuedate()).isEqualTo(first.getDueDate());
        BpmnAwareTests.complete(second, Map.of("reached", true, "acknowledged", true, "contactMethod", "PHONE",
                "contactPerson", "Jane Roe", "quantityReturned", 5));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_CustomerNotified");
        verify(facts, times(2)).notificationOpen(any());
    }

    /** Tried again after the recall's deadline has passed: the next attempt is overdue, and escalated at once. */
    @Test
    void anAttemptTriedAgainAfterTheDeadlineIsEscalatedAtOnce() throws Exception {
        ProcessInstance pi = start("CLASS_I");
        when(facts.notificationOpen(any())).thenReturn(true);
        when(facts.notifyBy(any())).thenReturn(new Date(ClockUtil.getCurrentTime().getTime() - 60_000));
        BpmnAwareTests.complete(BpmnAwareTests.task("notifyCustomer", pi), Map.of("reached", false, "acknowledged",
                false, "contactMethod", "PHONE", "contactPerson", "Reception", "quantityReturned", 0, "tryAgain", true));
        Job overdue = timers(pi).get(0);
        assertThat(overdue.getDuedate()).isBefore(ClockUtil.getCurrentTime());
        BpmnAwareTests.execute(overdue);
        BpmnAwareTests.execute(BpmnAwareTests.job("escalateNotification", pi));
        verify(escalate).execute(any());
        BpmnAwareTests.assertThat(pi).hasPassed("EndEvent_Escalated").isWaitingAt("notifyCustomer");
    }
}
