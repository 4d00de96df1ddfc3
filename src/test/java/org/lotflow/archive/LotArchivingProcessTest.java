package org.lotflow.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.lotflow.archive.internal.process.ArchivingSchedule;
import org.lotflow.archive.internal.process.LotArchivingProcess;
import org.lotflow.support.ProcessTest;

/**
 * {@code lotArchiving}: the timer start event reads its cycle from {@code archivingSchedule}; lots past retention
 * open {@code reviewArchiving} for qa-manager; ARCHIVE runs {@code archiveLots}, KEEP ends without it; nothing
 * to archive ends without a task.
 */
@Deployment(resources = "bpmn/lotArchiving.bpmn")
class LotArchivingProcessTest extends ProcessTest {

    ArchivingSchedule schedule = register("archivingSchedule", new ArchivingSchedule("0 30 2 * * ?"));
    JavaDelegate findLots = delegate("findArchivableLotsDelegate");
    JavaDelegate archiveLots = delegate("archiveLotsDelegate");
    TaskListener reviewListener = taskListener("reviewArchivingListener");

    private void reviewNeeded(boolean needed) throws Exception {
        doAnswer(inv -> {
            DelegateExecution execution = inv.getArgument(0);
            LotArchivingProcess.REVIEW_NEEDED.set(execution, needed);
            return null;
        }).when(findLots).execute(any());
    }

    private void decision(boolean archive) {
        doAnswer(inv -> {
            DelegateTask task = inv.getArgument(0);
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                LotArchivingProcess.ARCHIVE_CONFIRMED.set(task.getExecution().getProcessInstance(), archive);
            }
            return null;
        }).when(reviewListener).notify(any());
    }

    private Job startTimer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(LotArchivingProcess.PROCESS_KEY)
                .timers().singleResult();
    }

    private ProcessInstance fireTimer() {
        engine.getManagementService().executeJob(startTimer().getId());
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(LotArchivingProcess.PROCESS_KEY).singleResult();
    }

    @Test
    void theTimerRunsNightlyFromTheConfiguredCycle() {
        Job timer = startTimer();
        assertThat(timer).isNotNull();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getHour()).isEqualTo(2);
        assertThat(due.getMinute()).isEqualTo(30);
        assertThat(due).isAfter(LocalDateTime.now()).isBefore(LocalDateTime.now().plusDays(1).plusMinutes(1));
    }

    @Test
    void confirmedLotsAreArchivedAfterTheQaManagersReview() throws Exception {
        reviewNeeded(true);
        decision(true);
        ProcessInstance pi = fireTimer();
        BpmnAwareTests.assertThat(pi).isWaitingAt("findArchivableLots");
        assertThat(startTimer()).as("the next night is scheduled").isNotNull();
        BpmnAwareTests.execute(BpmnAwareTests.job("findArchivableLots"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(LotArchivingProcess.TASK_REVIEW);
        assertCandidateGroups(LotArchivingProcess.TASK_REVIEW, "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("decision", "ARCHIVE", "comment", "retention over"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("archiveLots");
        BpmnAwareTests.execute(BpmnAwareTests.job("archiveLots"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Archived");
        verify(archiveLots).execute(any());
    }

    @Test
    void keepingTheLotsEndsWithoutArchiving() throws Exception {
        reviewNeeded(true);
        decision(false);
        ProcessInstance pi = fireTimer();
        BpmnAwareTests.assertThat(pi).isWaitingAt("findArchivableLots");
        BpmnAwareTests.execute(BpmnAwareTests.job("findArchivableLots"));
        assertCandidateGroups(LotArchivingProcess.TASK_REVIEW, "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("decision", "KEEP", "comment", "legal hold"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_Kept").hasNotPassed("archiveLots");
    }

    @Test
    void nothingPastRetentionEndsWithoutATask() throws Exception {
        reviewNeeded(false);
        ProcessInstance pi = fireTimer();
        BpmnAwareTests.assertThat(pi).isWaitingAt("findArchivableLots");
        BpmnAwareTests.execute(BpmnAwareTests.job("findArchivableLots"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_NothingToArchive")
                .hasNotPassed(LotArchivingProcess.TASK_REVIEW);
    }
}
