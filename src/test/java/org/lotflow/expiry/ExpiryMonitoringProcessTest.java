package org.lotflow.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
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

/**
 * {@code expiryMonitoring}: the timer start event reads its cycle from the {@code expirySchedule}
 * bean when deployed; a run with lots to review opens {@code reviewExpiringLots}, one without ends.
 */
@Deployment(resources = "bpmn/expiryMonitoring.bpmn")
class ExpiryMonitoringProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml").build();

    ProcessEngine engine;
    JavaDelegate checkExpiry = mock(JavaDelegate.class);
    TaskListener reviewListener = mock(TaskListener.class);

    @BeforeEach
    void setUp() {
        // registered before the extension deploys the model: the timer cycle expression needs it
        Mocks.register("expirySchedule", new ExpirySchedule("0 0 6 * * ?"));
        Mocks.register("checkExpiryDelegate", checkExpiry);
        Mocks.register("reviewExpiringLotsListener", reviewListener);
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    private void reviewNeeded(boolean needed) throws Exception {
        doAnswer(inv -> {
            DelegateExecution execution = inv.getArgument(0);
            execution.setVariable("reviewNeeded", needed);
            return null;
        }).when(checkExpiry).execute(any());
    }

    private Job startTimer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey("expiryMonitoring").timers()
                .singleResult();
    }

    private ProcessInstance fireTimer() {
        engine.getManagementService().executeJob(startTimer().getId());
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("expiryMonitoring")
                .singleResult();
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
        BpmnAwareTests.assertThat(pi).isWaitingAt("reviewExpiringLots");
        var task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .filteredOn(l -> "candidate".equals(l.getType())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("sales", "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), java.util.Map.of("reviewNote", "promote IL250-2024-089"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Reviewed");
        verify(checkExpiry).execute(any());
    }

    @Test
    void nothingToReviewEndsWithoutATask() throws Exception {
        reviewNeeded(false);
        ProcessInstance pi = fireTimer();
        BpmnAwareTests.assertThat(pi).isWaitingAt("checkExpiry");
        BpmnAwareTests.execute(BpmnAwareTests.job("checkExpiry"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_NothingToReview").hasNotPassed("reviewExpiringLots");
    }
}
