package org.lotflow.drill.internal.process;

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
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ProcessTest;

/**
 * Every path of {@code mockRecall}: bound by its start listener, the coordinator reviews the scope and
 * closes the drill (both tasks for the recall coordinators), with the drill's target time as an
 * interrupting timer over both; the timer, when it fires before the close (during the review or during
 * the closing), ends the coordinator's work and marks the drill failed. Listeners and delegates are mocks.
 */
@Deployment(resources = {"bpmn/mockRecall.bpmn", "forms/reviewDrillScope.form", "forms/closeDrill.form"})
class MockRecallProcessTest extends ProcessTest {

    /** When the drill's target time ends, as DrillFacts reads it from the drill's row. */
    static final Date DUE = new Date(1_738_000_000_000L);
    DrillFacts facts = register("drillFacts", mock(DrillFacts.class));
    ExecutionListener startListener = executionListener("drillStartListener");
    TaskListener review = taskListener("reviewDrillScopeListener");
    TaskListener close = taskListener("closeDrillListener");
    JavaDelegate markFailed = delegate("markDrillFailedDelegate");

    /** As DrillStarting starts it: the drill number as business key, no variables. */
    private ProcessInstance start() throws Exception {
        when(facts.target(any())).thenReturn("PT240M");
        when(facts.dueAt(any())).thenReturn(DUE);
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey("mockRecall", "MR-2025-0001");
        verify(startListener).notify(any(DelegateExecution.class));
        return pi;
    }

    private List<Job> timers(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().list();
    }

    @Test
    void theCoordinatorReviewsAndClosesTheDrillInTime() throws Exception {
        ProcessInstance pi = start();
        BpmnAwareTests.assertThat(pi).isWaitingAt("reviewDrillScope");
        assertCandidateGroups("reviewDrillScope", "recall-coordinator");
        // both tasks are due when the drill's target time ends (known-open item: no due date in Tasklist)
        assertThat(BpmnAwareTests.task("reviewDrillScope", pi).getDueDate()).isEqualTo(DUE);
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).isEmpty();
        // one interrupting timer, due after the drill's target time (4 h)
        assertThat(timers(pi)).singleElement().satisfies(t -> assertThat(t.getDuedate())
                .isAfter(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(239).toMillis()))
                .isBefore(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(241).toMillis())));

        BpmnAwareTests.complete(BpmnAwareTests.task("reviewDrillScope", pi),
                Map.of("traceComplete", "YES", "findings", "none"));
        verify(review, times(2)).notify(any(DelegateTask.class)); // create and complete
        BpmnAwareTests.assertThat(pi).isWaitingAt("closeDrill");
        assertCandidateGroups("closeDrill", "recall-coordinator");
        assertThat(BpmnAwareTests.task("closeDrill", pi).getDueDate()).isEqualTo(DUE);
        assertThat(timers(pi)).hasSize(1);

        BpmnAwareTests.complete(BpmnAwareTests.task("closeDrill", pi), Map.of("comment", "Traced in 40 minutes"));
        verify(close, times(2)).notify(any(DelegateTask.class));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_WorkDone", "EndEvent_DrillClosed")
                .hasNotPassed("markDrillFailed");
        assertThat(timers(pi)).isEmpty();
        verify(markFailed, never()).execute(any());
    }

    @Test
    void theTargetTimePassesDuringTheReview() throws Exception {
        ProcessInstance pi = start();
        BpmnAwareTests.execute(timers(pi).get(0));
        BpmnAwareTests.assertThat(pi).isWaitingAt("markDrillFailed");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count())
                .as("the coordinator's task is gone").isZero();
        BpmnAwareTests.execute(BpmnAwareTests.job("markDrillFailed", pi));
        verify(markFailed).execute(any());
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_DrillFailed").hasNotPassed("closeDrill",
                "EndEvent_DrillClosed");
    }

    @Test
    void theTargetTimePassesWhileTheDrillAwaitsItsClosing() throws Exception {
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task("reviewDrillScope", pi),
                Map.of("traceComplete", "NO", "findings", "customer of SO-1 not found"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("closeDrill");
        BpmnAwareTests.execute(timers(pi).get(0));
        BpmnAwareTests.execute(BpmnAwareTests.job("markDrillFailed", pi));
        verify(markFailed).execute(any());
        verify(close, times(1)).notify(any(DelegateTask.class)); // created, never completed
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("reviewDrillScope", "EndEvent_DrillFailed")
                .hasNotPassed("EndEvent_DrillClosed");
    }
}
