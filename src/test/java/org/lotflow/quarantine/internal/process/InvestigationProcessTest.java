package org.lotflow.quarantine.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.shared.process.WithoutCallerAuthorization;
import org.mockito.InOrder;

/**
 * The engine adapter's trust mechanism, without Spring or an engine: lotflow's own start is told from
 * a user's by a handshake that only the start it belongs to sees, once; the process gets only its due
 * date; whether a lot is in lab release is asked without the caller's Camunda identity.
 */
class InvestigationProcessTest {

    static final Instant DUE = Instant.parse("2025-02-04T16:30:00Z");

    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    IdentityService identity = mock(IdentityService.class);
    InvestigationProcess process = new InvestigationProcess(runtime, mock(TaskService.class),
            new WithoutCallerAuthorization(identity));

    static Hold hold(long id) {
        Hold hold = mock(Hold.class);
        when(hold.getId()).thenReturn(id);
        when(hold.getDecisionDueAt()).thenReturn(DUE);
        return hold;
    }

    @Test
    void theHandshakeIsSeenByItsOwnStartOnlyAndOnlyOnce() {
        List<Object> seen = new ArrayList<>();
        ProcessInstance started = mock(ProcessInstance.class);
        when(started.getId()).thenReturn("pi-1");
        when(runtime.startProcessInstanceByKey(eq("quarantineInvestigation"), eq("IL250-2024-089"), anyMap()))
                .thenAnswer(inv -> {
                    // what the start listener does, twice
                    seen.add(InvestigationProcess.claimHandshake());
                    seen.add(InvestigationProcess.claimHandshake());
                    seen.add(inv.getArgument(2));
                    return started;
                });

        assertThat(process.start(hold(42L), "IL250-2024-089")).isEqualTo("pi-1");

        assertThat(seen).containsExactly(42L, null, Map.of("decisionDueAt", Date.from(DUE)));
        assertThat(InvestigationProcess.claimHandshake()).as("a user's later start on this thread").isNull();
    }

    @Test
    void aFailedStartLeavesNoHandshakeBehind() {
        when(runtime.startProcessInstanceByKey(eq("quarantineInvestigation"), eq("L-1"), anyMap()))
                .thenThrow(new IllegalStateException("engine down"));
        assertThatThrownBy(() -> process.start(hold(7L), "L-1")).hasMessage("engine down");
        assertThat(InvestigationProcess.claimHandshake()).isNull();
    }

    @Test
    void theLabReleaseQuestionIsAskedWithoutTheCallersIdentityWhichIsRestored() {
        Authentication analyst = new Authentication("sarah", List.of("qa-analyst"));
        when(identity.getCurrentAuthentication()).thenReturn(analyst);
        when(runtime.createProcessInstanceQuery().processDefinitionKey("lotRelease")
                .processInstanceBusinessKey("L-1").count()).thenReturn(1L);

        assertThat(process.inLabRelease("L-1")).isTrue();

        InOrder order = inOrder(identity);
        order.verify(identity).clearAuthentication();
        order.verify(identity).setAuthentication(analyst);
    }
}
