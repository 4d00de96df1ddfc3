package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.release.internal.process.ReleaseSla;
import org.lotflow.support.ProcessTest;

/**
 * Every path of {@code lotRelease}: approved, out of specification, refused, and the overdue
 * notice. Listeners and delegates are mocks; the BPMN, its gateways, timers and routing are real.
 */
@Deployment(resources = "bpmn/lotRelease.bpmn")
class LotReleaseProcessTest extends ProcessTest {

    TaskListener labListener = taskListener("recordLabResultsListener");
    TaskListener approveListener = taskListener("approveReleaseListener");
    JavaDelegate releaseLot = delegate("releaseLotDelegate");
    JavaDelegate rejectLot = delegate("rejectLotDelegate");
    JavaDelegate overdue = delegate("releaseOverdueDelegate");
    ExecutionListener startListener = executionListener("lotReleaseStartListener");

    @BeforeEach
    void setUp() {
        register("releaseSla", new ReleaseSla(java.time.Duration.ofHours(8)));
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey("lotRelease", "IL250-2025-003",
                Map.of("releaseDueAt", new Date(System.currentTimeMillis() + 8 * 3600_000L)));
    }

    /** The lab listener decides the verdict when the task completes, as the real one does. */
    private void labVerdict(boolean passed) throws Exception {
        onComplete(labListener, task -> task.getExecution().setVariable("labPassed", passed));
    }

    @Test
    void approvedReleaseEndsReleased() throws Exception {
        labVerdict(true);
        ProcessInstance pi = start();
        verify(startListener).notify(any()); // binds the instance to its lot, or refuses the start
        BpmnAwareTests.assertThat(pi).isWaitingAt("recordLabResults");
        assertCandidateGroups("recordLabResults", "qa-analyst", "qa-manager");
        assertThat(BpmnAwareTests.task(pi).getDueDate()).isNotNull();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));

        BpmnAwareTests.assertThat(pi).isWaitingAt("approveRelease");
        assertCandidateGroups("approveRelease", "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "ok"));

        BpmnAwareTests.assertThat(pi).isWaitingAt("releaseLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("releaseLot"));
        BpmnAwareTests.assertThat(pi).hasPassedInOrder("recordLabResults", "approveRelease", "releaseLot")
                .isEnded().hasPassed("EndEvent_LotReleased");
        verify(releaseLot).execute(any());
        verify(rejectLot, never()).execute(any());
    }

    @Test
    void outOfSpecificationEndsRejectedWithoutApproval() throws Exception {
        labVerdict(false);
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("rejectLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("rejectLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_LotRejected").hasNotPassed("approveRelease");
        verify(rejectLot).execute(any());
        verify(releaseLot, never()).execute(any());
    }

    @Test
    void refusedReleaseEndsRejected() throws Exception {
        labVerdict(true);
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", false, "comment", "COA incomplete"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("rejectLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("rejectLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("approveRelease", "EndEvent_LotRejected");
        verify(releaseLot, never()).execute(any());
    }

    @Test
    void passingTheReleaseTargetRecordsANoticeAndKeepsTheTaskOpen() throws Exception {
        labVerdict(true);
        ProcessInstance pi = start();
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .singleResult();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate()).isAfter(new Date());
        BpmnAwareTests.execute(timer);
        BpmnAwareTests.assertThat(pi).isWaitingAt("recordReleaseOverdue", "recordLabResults");
        BpmnAwareTests.execute(BpmnAwareTests.job("recordReleaseOverdue"));
        verify(overdue).execute(any());
        BpmnAwareTests.assertThat(pi).isNotEnded().isWaitingAt("recordLabResults")
                .hasPassed("EndEvent_OverdueRecorded");
    }

    @Test
    void aFailingReleaseStepBecomesAnIncidentAfterItsRetries() throws Exception {
        labVerdict(true);
        doAnswer(inv -> {
            throw new IllegalStateException("database unavailable");
        }).when(releaseLot).execute(any());
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "ok"));
        for (int i = 0; i < 3; i++) {
            Job job = BpmnAwareTests.job("releaseLot");
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException expected) {
                // retried by the job executor in production
            }
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count())
                .isEqualTo(1);
        BpmnAwareTests.assertThat(pi).isWaitingAt("releaseLot");
    }
}
