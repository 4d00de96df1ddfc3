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
 * Every path of {@code lotRelease}: approved, refused, out of specification (phase I finds a laboratory
 * error and the retest passes; or the result is confirmed, investigated in production and rejected or
 * released by the QA manager's decision), a signed release stopped because a source lot was recalled
 * meanwhile (the lot is held), and the overdue notice. Listeners and delegates are mocks; the BPMN, its gateways, timers and routing are real.
 */
@Deployment(resources = "bpmn/lotRelease.bpmn")
class LotReleaseProcessTest extends ProcessTest {

    TaskListener labListener = taskListener("recordLabResultsListener");
    TaskListener approveListener = taskListener("approveReleaseListener");
    TaskListener labErrorListener = taskListener("investigateLabErrorListener");
    TaskListener productionListener = taskListener("investigateProductionListener");
    TaskListener oosDecisionListener = taskListener("decideOutOfSpecificationListener");
    TaskListener disposalListener = taskListener("releaseDisposalListener");
    JavaDelegate releaseLot = delegate("releaseLotDelegate");
    JavaDelegate rejectLot = delegate("rejectLotDelegate");
    JavaDelegate holdLot = delegate("holdLotDelegate");
    JavaDelegate overdue = delegate("releaseOverdueDelegate");
    ExecutionListener startListener = executionListener("lotReleaseStartListener");

    @BeforeEach
    void setUp() {
        register("releaseSla", new ReleaseSla(java.time.Duration.ofHours(8)));
        register("oosDeadlines", new org.lotflow.release.internal.process.OosDeadlines(java.time.Duration.ofDays(1),
                java.time.Duration.ofDays(20)));
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey("lotRelease", "IL250-2025-003",
                Map.of("releaseDueAt", new Date(System.currentTimeMillis() + 8 * 3600_000L)));
    }

    /** The task is due {@code within} after now (the engine's clock), give or take a minute. */
    private static void assertDueIn(org.camunda.bpm.engine.task.Task task, java.time.Duration within) {
        assertThat(task.getDueDate()).as(task.getTaskDefinitionKey() + " due date").isNotNull();
        long expected = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + within.toMillis();
        assertThat(task.getDueDate().getTime()).isBetween(expected - 60_000, expected + 60_000);
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
        verify(holdLot, never()).execute(any());
    }

    /** The lab listener's verdicts, one per completion of recordLabResults (round 1, then the retest). */
    private void labVerdicts(boolean... passed) throws Exception {
        java.util.concurrent.atomic.AtomicInteger round = new java.util.concurrent.atomic.AtomicInteger();
        onComplete(labListener, task -> task.getExecution().setVariable("labPassed", passed[round.getAndIncrement()]));
    }

    /** Round 1 out of specification, phase I concluded with or without a laboratory error. */
    private ProcessInstance outOfSpecification(boolean labError) throws Exception {
        onComplete(labErrorListener, task -> task.getExecution().setVariable("labErrorFound", labError));
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("investigateLabError");
        assertCandidateGroups("investigateLabError", "qa-analyst", "qa-manager");
        assertDueIn(BpmnAwareTests.task(pi), java.time.Duration.ofDays(1)); // new user 28 L3
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("labConclusion", labError ? "LAB_ERROR" : "CONFIRMED",
                "findings", "checked"));
        return pi;
    }

    /** After a confirmed result: phase II, then the QA manager's signed decision. */
    private ProcessInstance decided(String decision) throws Exception {
        labVerdicts(false);
        onComplete(oosDecisionListener, task -> task.getExecution().setVariable("oosDecision", decision));
        ProcessInstance pi = outOfSpecification(false);
        BpmnAwareTests.assertThat(pi).isWaitingAt("investigateProduction");
        assertCandidateGroups("investigateProduction", "qa-analyst", "qa-manager");
        assertDueIn(BpmnAwareTests.task(pi), java.time.Duration.ofDays(20));
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("findings", "base oil out of tolerance"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("decideOutOfSpecification");
        assertCandidateGroups("decideOutOfSpecification", "qa-manager");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("oosDecision", decision, "comment", "evidence"));
        return pi;
    }

    @Test
    void anOutOfSpecificationResultOpensTheLaboratoryInvestigationNotARejection() throws Exception {
        labVerdicts(false);
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("investigateLabError").hasNotPassed("rejectLot");
        verify(labErrorListener).notify(any()); // created: the form shows the round under investigation
        verify(rejectLot, never()).execute(any());
    }

    @Test
    void aLaboratoryErrorLeadsToARetestWhosePassingResultGoesToApproval() throws Exception {
        labVerdicts(false, true);
        ProcessInstance pi = outOfSpecification(true);
        BpmnAwareTests.assertThat(pi).isWaitingAt("recordLabResults");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("approveRelease");
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "retest within spec"));
        BpmnAwareTests.execute(BpmnAwareTests.job("releaseLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_LotReleased").hasNotPassed("investigateProduction");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("recordLabResults").count()).isEqualTo(2);
        verify(releaseLot).execute(any());
    }

    @Test
    void aRetestOutOfSpecificationOpensAnotherInvestigation() throws Exception {
        labVerdicts(false, false);
        ProcessInstance pi = outOfSpecification(true);
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.assertThat(pi).isWaitingAt("investigateLabError");
        verify(rejectLot, never()).execute(any());
    }

    @Test
    void aConfirmedResultRejectedByTheQaManagersDecisionEndsRejected() throws Exception {
        ProcessInstance pi = decided("REJECT");
        BpmnAwareTests.assertThat(pi).isWaitingAt("rejectLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("rejectLot"));
        disposalConfirmed(pi);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder("recordLabResults", "investigateLabError",
                "investigateProduction", "decideOutOfSpecification", "rejectLot", "confirmDisposal")
                .hasPassed("EndEvent_LotRejected").hasNotPassed("approveRelease");
        verify(releaseLot, never()).execute(any());
    }

    @Test
    void aConfirmedResultReleasedOnJustifiedEvidenceEndsReleased() throws Exception {
        ProcessInstance pi = decided("RELEASE");
        BpmnAwareTests.assertThat(pi).isWaitingAt("releaseLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("releaseLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("decideOutOfSpecification", "EndEvent_LotReleased")
                .hasNotPassed("approveRelease");
        verify(rejectLot, never()).execute(any());
    }

    /**
     * A release signed before a source lot's recall: releaseLot throws SOURCE_LOT_RECALLED (read from the
     * genealogy), and the boundary event leads to holdLot instead of an incident (auditor 2026-12-05 N7).
     */
    @Test
    void aReleaseStoppedByARecalledSourceHoldsTheLotInsteadOfReleasingIt() throws Exception {
        labVerdict(true);
        doAnswer(inv -> {
            throw new org.camunda.bpm.engine.delegate.BpmnError("SOURCE_LOT_RECALLED", "made from RM-1, RECALLED");
        }).when(releaseLot).execute(any());
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", true, "comment", "ok"));
        BpmnAwareTests.execute(BpmnAwareTests.job("releaseLot"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("holdLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("holdLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder("approveRelease", "releaseLot", "holdLot")
                .hasPassed("EndEvent_LotHeld").hasNotPassed("EndEvent_LotReleased", "rejectLot");
        verify(holdLot).execute(any());
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    /** The same after a confirmed out-of-specification result released on justified evidence. */
    @Test
    void anOutOfSpecificationReleaseStoppedByARecalledSourceHoldsTheLot() throws Exception {
        doAnswer(inv -> {
            throw new org.camunda.bpm.engine.delegate.BpmnError("SOURCE_LOT_RECALLED");
        }).when(releaseLot).execute(any());
        ProcessInstance pi = decided("RELEASE");
        BpmnAwareTests.execute(BpmnAwareTests.job("releaseLot"));
        BpmnAwareTests.execute(BpmnAwareTests.job("holdLot"));
        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("decideOutOfSpecification", "holdLot", "EndEvent_LotHeld")
                .hasNotPassed("EndEvent_LotReleased");
        verify(holdLot).execute(any());
    }

    /**
     * A rejected lot waits for its disposal (new user 2026-12-06 W5): {@code confirmDisposal} for QA managers and
     * production, with the shared form; its listener records it.
     */
    private void disposalConfirmed(ProcessInstance pi) throws Exception {
        BpmnAwareTests.assertThat(pi).isWaitingAt("confirmDisposal");
        org.camunda.bpm.engine.task.Task disposal = BpmnAwareTests.task(pi);
        BpmnAwareTests.assertThat(disposal).hasCandidateGroup("qa-manager").hasCandidateGroup("production");
        BpmnAwareTests.complete(disposal, Map.of("disposalMethod", "DESTROYED"));
        verify(disposalListener, org.mockito.Mockito.times(2)).notify(any());
    }

    @Test
    void refusedReleaseEndsRejected() throws Exception {
        labVerdict(true);
        ProcessInstance pi = start();
        BpmnAwareTests.complete(BpmnAwareTests.task(pi));
        BpmnAwareTests.complete(BpmnAwareTests.task(pi), Map.of("approved", false, "comment", "COA incomplete"));
        BpmnAwareTests.assertThat(pi).isWaitingAt("rejectLot");
        BpmnAwareTests.execute(BpmnAwareTests.job("rejectLot"));
        disposalConfirmed(pi);
        BpmnAwareTests.assertThat(pi).isEnded().hasPassedInOrder("approveRelease", "rejectLot", "confirmDisposal",
                "EndEvent_LotRejected");
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
