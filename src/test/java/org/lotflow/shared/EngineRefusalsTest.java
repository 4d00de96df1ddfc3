package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Which engine exceptions engine REST answers as the caller's mistake (4xx) and which stay 500. */
class EngineRefusalsTest {

    @Test
    void aRefusalWrappedByTheEngineKeepsItsStatusAndMessage() {
        Refusal fourEyes = new StateConflict("The approver must not be the analyst who recorded the results");
        RestException wrapped = new RestException(Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                        fourEyes), "Cannot complete task 42");
        EngineRefusals.RestExceptionMapper mapper = new EngineRefusals.RestExceptionMapper();
        assertThat(mapper.isMappable(wrapped)).isTrue();
        assertThat(mapper.toResponse(wrapped).getStatus()).isEqualTo(409);
        assertThat(EngineRefusals.refusal(wrapped).message()).contains("must not be the analyst");
    }

    /** A technical failure is a 500 that says only that nothing changed (auditor 2026-12-05 F10: no engine text). */
    /** A job executed twice at once: Camunda's REST layer answers its version conflict as 404 without the cause. */
    @Test
    void aVersionConflictTheRestLayerReThrowsIsALostRace409WithoutEngineText() {
        RestException lost = new org.camunda.bpm.engine.rest.exception.InvalidRequestException(Status.NOT_FOUND,
                "Execution of 'DELETE TimerEntity[900afc07-f1f0-11f1-a653-02fc00000001]' failed. Entity was updated by"
                        + " another transaction concurrently.");
        jakarta.ws.rs.core.Response answer = new EngineRefusals.RestExceptionMapper().toResponse(lost);
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(String.valueOf(answer.getEntity())).contains(EngineRefusals.CONCURRENT).doesNotContain("TimerEntity");
        // a job that is simply not there stays a 404
        RestException missing = new org.camunda.bpm.engine.rest.exception.InvalidRequestException(Status.NOT_FOUND,
                "No job found with id 'x'");
        assertThat(new EngineRefusals.RestExceptionMapper().toResponse(missing).getStatus()).isEqualTo(404);
    }

    @Test
    void aTechnicalFailureIsA500WithoutTheEnginesText() {
        ProcessEngineException failure = new ProcessEngineException("database unavailable",
                new IllegalStateException("connection refused"));
        EngineRefusals.EngineExceptionMapper mapper = new EngineRefusals.EngineExceptionMapper();
        assertThat(mapper.isMappable(failure)).isTrue();
        jakarta.ws.rs.core.Response answer = mapper.toResponse(failure);
        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getEntity().toString()).contains("nothing was changed").doesNotContain("database",
                "connection refused");
        assertThat(new EngineRefusals.RestExceptionMapper().toResponse(new RestException(Status.INTERNAL_SERVER_ERROR,
                failure, "Cannot complete task")).getStatus()).isEqualTo(500);
    }
}
