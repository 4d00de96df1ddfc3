package org.lotflow.recall.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * Every path of {@code lotRecall}: all customers acknowledged, escalation by the per-customer
 * timer, no customers, close. Listeners and delegates are mocks; the deadlines bean is the real one.
 */
@Deployment(resources = "bpmn/lotRecall.bpmn")
class LotRecallProcessTest extends ProcessTest {

    ExecutionListener startListener = executionListener("recallStartListener");
    RecallFacts facts = register("recallFacts", mock(RecallFacts.class));
    TaskListener notifyListener = taskListener("notifyCustomerListener");
    TaskListener closeListener = taskListener("closeRecallListener");
    JavaDelegate escalate = delegate("escalateNotificationDelegate");
    JavaDelegate assess = delegate("assessEffectivenessDelegate");
    JavaDelegate report = delegate("recordRecallReportDelegate");
    RecallDeadlines deadlines = register("recallDeadlines",
            new RecallDeadlines(Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(72)));

    /** The subprocess instance each notifyCustomer task runs in, as its create listener sees it. */
    Map<String, String> scopes = new java.util.HashMap<>();

    /** As RecallService starts it: the recall number as business key, no variables; facts from recallFacts. */
    private ProcessInstance start(String classification, int customerCount) throws Exception {
        when(facts.customers(any())).thenReturn(customerCount);
        when(facts.notifyWithin(any())).thenReturn(deadlines.notifyWithin(classification));
        doAnswer(inv -> {
            DelegateTask task = inv.getArgument(0);
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                scopes.put(task.getId(), task.getExecution().getParentActivityInstanceId());
            }
            return null;
        }).when(notifyListener).notify(any(DelegateTask.class));
        return engine.getRuntimeService().startProcessInstanceByKey("lotRecall", "RC-2025-001");
    }

    private List<Task> notifyTasks(ProcessInstance pi) {
        return engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("notifyCustomer").list();
    }

    private List<String> candidates(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(l -> l.getGroupId()).toList();
    }


    private void closeAndReport(ProcessInstance pi) {
        Task close = BpmnAwareTests.task("closeRecall", pi);
        assertCandidateGroups("closeRecall", "qa-manager");
        BpmnAwareTests.complete(close, Map.of("comment", "all stock retrieved"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("recordRecallReport");
        BpmnAwareTests.execute(BpmnAwareTests.job("recordRecallReport"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_RecallClosed");
    }

    @Test
    void everyCustomerAcknowledgedThenEffectivenessThenClose() throws Exception {
        ProcessInstance pi = start("CLASS_II", 3);
        verify(startListener).notify(any(DelegateExecution.class));
        BpmnAwareTests.assertThat(pi).isWaitingAt("notifyCustomer");
        List<Task> tasks = notifyTasks(pi);
        assertThat(tasks).hasSize(3);
        // no loop variable: each task runs in a scope of its own (its completion's values land there)
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).isEmpty();
        assertThat(tasks).extracting(Task::getExecutionId).doesNotHaveDuplicates().doesNotContain(pi.getId());
        assertThat(scopes.values()).hasSize(3).doesNotHaveDuplicates();
        for (Task t : tasks) {
            assertThat(candidates(t)).containsExactly("recall-coordinator");
        }
        verify(notifyListener, times(3)).notify(any(DelegateTask.class));
        // one non-interrupting timer per customer, due after the CLASS_II deadline (48 h)
        List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
        assertThat(timers).hasSize(3);
        long in47h = System.currentTimeMillis() + Duration.ofHours(47).toMillis();
        assertThat(timers).allMatch(j -> j.getDuedate().after(new Date(in47h)));

        for (Task t : tasks) {
            BpmnAwareTests.complete(t, Map.of("acknowledged", true, "quantityReturned", 5));
        }
        BpmnAwareTests.assertThat(pi).isWaitingAt("assessEffectiveness");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().count())
                .isZero();
        BpmnAwareTests.execute(BpmnAwareTests.job("assessEffectiveness"));
        verify(assess).execute(any());
        closeAndReport(pi);
        verify(report).execute(any());
        verify(escalate, never()).execute(any());
        BpmnAwareTests.assertThat(pi).hasPassedInOrder("notifyCustomer", "assessEffectiveness", "closeRecall",
                "recordRecallReport");
    }

    @Test
    void anOverdueCustomerIsEscalatedAndItsTaskStaysOpen() throws Exception {
        ProcessInstance pi = start("CLASS_I", 2);
        List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
        assertThat(timers).hasSize(2);
        long in25h = System.currentTimeMillis() + Duration.ofHours(25).toMillis();
        assertThat(timers).allMatch(j -> j.getDuedate().before(new Date(in25h))); // CLASS_I: 24 h

        // the first customer answered; the second did not, and its deadline passes
        List<Task> both = notifyTasks(pi);
        Task answered = both.get(0);
        Task unanswered = both.get(1);
        BpmnAwareTests.complete(answered, Map.of("acknowledged", true, "quantityReturned", 1));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        List<String> escalatedScopes = new java.util.ArrayList<>();
        doAnswer(inv -> {
            DelegateExecution ex = inv.getArgument(0);
            escalatedScopes.add(ex.getParentActivityInstanceId());
            return null;
        }).when(escalate).execute(any());
        BpmnAwareTests.execute(timer);
        BpmnAwareTests.assertThat(pi).isWaitingAt("escalateNotification", "notifyCustomer");
        BpmnAwareTests.execute(BpmnAwareTests.job("escalateNotification"));
        verify(escalate).execute(any());
        // the escalation finds its notification by the subprocess instance the unanswered task runs in
        assertThat(escalatedScopes).containsExactly(scopes.get(unanswered.getId()));
        BpmnAwareTests.assertThat(pi).hasPassed("EndEvent_Escalated").isWaitingAt("notifyCustomer")
                .isNotWaitingAt("closeRecall");

        BpmnAwareTests.complete(notifyTasks(pi).get(0), Map.of("acknowledged", false, "quantityReturned", 0));
        BpmnAwareTests.execute(BpmnAwareTests.job("assessEffectiveness"));
        closeAndReport(pi);
    }

    @Test
    void aRecallWithoutCustomersGoesStraightToClose() throws Exception {
        ProcessInstance pi = start("CLASS_III", 0);
        BpmnAwareTests.assertThat(pi).isWaitingAt("closeRecall").hasNotPassed("notifyCustomer", "assessEffectiveness");
        verify(notifyListener, never()).notify(any(DelegateTask.class));
        closeAndReport(pi);
        verify(closeListener, times(2)).notify(any(DelegateTask.class)); // create and complete
    }
}
