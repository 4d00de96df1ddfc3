package org.lotflow.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lotflow.expiry.internal.process.ExpiryMonitoringVariables;
import org.lotflow.expiry.internal.process.ExpirySchedule;
import org.lotflow.support.ProcessTest;

/**
 * {@code expiryMonitoring}: the timer start event reads its cycle from the {@code expirySchedule}
 * bean when deployed; a run with lots to review opens {@code reviewExpiringLots}, one without ends.
 */
@Deployment(resources = "bpmn/expiryMonitoring.bpmn")
class ExpiryMonitoringProcessTest extends ProcessTest {

    // registered when the test instance is created, before the extension deploys the model: the timer
    // cycle expression needs it
    ExpirySchedule schedule = register("expirySchedule", new ExpirySchedule("0 0 6 * * ?"));
    JavaDelegate checkExpiry = delegate("checkExpiryDelegate");
    TaskListener reviewListener = taskListener("reviewExpiringLotsListener");

    private void reviewNeeded(boolean needed) throws Exception {
        doAnswer(inv -> {
            DelegateExecution execution = inv.getArgument(0);
            ExpiryMonitoringVariables.REVIEW_NEEDED.set(execution, needed);
            return null;
        }).when(checkExpiry).execute(any());
    }

    private Job startTimer() {
        return engine.getManagementService().createJobQuery()
                .processDefinitionKey(ExpiryMonitoringVariables.PROCESS_KEY).timers().singleResult();
    }

    private ProcessInstance fireTimer() {
        engine.getManagementService().executeJob(startTimer().getId());
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ExpiryMonitoringVariables.PROCESS_KEY).singleResult();
    }

    @Test
    void theTimerRunsDailyAtSixFromTheConfiguredCycle() {
        Job timer = startTimer();
        assertThat(timer).isNotNull();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getHour()).isEqualTo(6);
        assertThat(due.getMinute()).isZero();
        assertThat(due).isAfter(LocalDateTime.now()).isBefore(LocalDateTime.now().plusDays(1).plusMinutes(1));
    }

    @Test
    void lotsToReviewGoToSalesAndQualityManagers() throws Exception {
        reviewNeeded(true);
        ProcessInstance pi = fireTimer();
        BpmnAwareTests.assertThat(pi).isWaitingAt("checkExpiry");
        // the cycle goes on: the next run is scheduled already
        assertThat(startTimer()).isNotNull();
        BpmnAwareTests.execute(BpmnAwareTests.job("checkExpiry"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(ExpiryMonitoringVariables.TASK_REVIEW);
        assertCandidateGroups(ExpiryMonitoringVariables.TASK_REVIEW, "sales", "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("reviewNote", "promote IL250-2024-089"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Reviewed");
        verify(checkExpiry).execute(any());
    }

    @Test
    void nothingToReviewEndsWithoutATask() throws Exception {
        reviewNeeded(false);
        ProcessInstance pi = fireTimer();
        BpmnAwareTests.assertThat(pi).isWaitingAt("checkExpiry");
        BpmnAwareTests.execute(BpmnAwareTests.job("checkExpiry"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_NothingToReview")
                .hasNotPassed(ExpiryMonitoringVariables.TASK_REVIEW);
    }
}
