package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * Every path of {@code lotRelease}: approved, out of specification, refused, and the overdue
 * notice. Listeners and delegates are mocks; the BPMN, its gateways, timers and routing are real.
 */
@Deployment(resources = "bpmn/lotRelease.bpmn")
class LotReleaseProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("process-test.cfg.xml").build();

    ProcessEngine engine;
    TaskListener labListener = mock(TaskListener.class);
    TaskListener approveListener = mock(TaskListener.class);
    JavaDelegate releaseLot = mock(JavaDelegate.class);
    JavaDelegate rejectLot = mock(JavaDelegate.class);
    JavaDelegate overdue = mock(JavaDelegate.class);
    org.camunda.bpm.engine.delegate.ExecutionListener startListener =
            mock(org.camunda.bpm.engine.delegate.ExecutionListener.class);

    @BeforeEach
    void setUp() {
        engine = extension.getProcessEngine();
        BpmnAwareTests.init(engine);
        Mocks.register("recordLabResultsListener", labListener);
        Mocks.register("approveReleaseListener", approveListener);
        Mocks.register("releaseLotDelegate", releaseLot);
        Mocks.register("rejectLotDelegate", rejectLot);
        Mocks.register("releaseOverdueDelegate", overdue);
        Mocks.register("lotReleaseStartListener", startListener);
        Mocks.register("releaseSla", new ReleaseSla(java.time.Duration.ofHours(8)));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey("lotRelease", "IL250-2025-003",
                Map.of("releaseDueAt", new Date(System.currentTimeMillis() + 8 * 3600_000L)));
    }

    /** The lab listener decides the verdict when the task completes, as the real one does. */
    private void labVerdict(boolean passed) throws Exception {
        doAnswer(inv -> {
            DelegateTask task = inv.getArgument(0);
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                task.getExecution().setVariable("labPassed", passed);
            }
            return null;
        }).when(labListener).notify(any());
    }

    private void assertCandidates(String taskKey, String... groups) {
        var task = engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
                .filteredOn(l -> "candidate".equals(l.getType())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder(groups);
    }

    @Test
    void approvedReleaseEndsReleased() throws Exception {
        labVerdict(true);
        ProcessInstance pi = start();
        verify(startListener).notify(any()); // binds the instance to its lot, or refuses the start
        BpmnAwareTests.assertThat(pi).isWaitingAt("recordLabResults");
        assertCandidates("recordLabResults", "qa-analyst", "qa-manager");
        assertThat(BpmnAwareTests.task(pi).getDueDate()).isNotNull();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));

        BpmnAwareTests.assertThat(pi).isWaitingAt("approveRelease");
        assertCandidates("approveRelease", "qa-manager");
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
