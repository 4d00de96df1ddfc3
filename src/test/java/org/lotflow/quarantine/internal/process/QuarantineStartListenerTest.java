package org.lotflow.quarantine.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.HoldPlacement;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;
import org.lotflow.shared.StateConflict;

/**
 * A user's start of {@code quarantineInvestigation} (no handshake on the thread), without Spring or an
 * engine: a start naming a hold or lot id is refused (409) before anything is placed; the start form's
 * fields become a hold placed with the API's checks, the business key and the due date, and are not
 * kept in the process.
 */
class QuarantineStartListenerTest {

    HoldPlacement placement = mock(HoldPlacement.class);
    QuarantineStartListener listener = new QuarantineStartListener(placement);
    DelegateExecution execution = mock(DelegateExecution.class);

    @Test
    void aStartNamingAHoldIsRefusedAndPlacesNothing() {
        when(execution.hasVariable("holdId")).thenReturn(true);
        when(execution.getVariable("holdId")).thenReturn(5L);
        StateConflict refused = catchThrowableOfType(() -> listener.notify(execution), StateConflict.class);
        assertThat(RefusalStatus.of(refused)).isEqualTo(409);
        assertThat(refused.getMessage()).contains("'holdId' 5 is not waiting for an investigation");
        verifyNoInteractions(placement);
    }

    @Test
    void theStartFormPlacesTheHoldAndKeepsNoFieldInTheProcess() {
        Instant due = Instant.parse("2025-02-04T16:30:00Z");
        Hold hold = mock(Hold.class);
        when(hold.getDecisionDueAt()).thenReturn(due);
        when(execution.getProcessInstanceId()).thenReturn("pi-9");
        when(execution.getVariable("lotNumber")).thenReturn(" il250-2024-089 ");
        when(execution.getVariable("reason")).thenReturn("Odour");
        when(execution.getVariable("source")).thenReturn("COMPLAINT");
        when(placement.holdFromStartForm(" il250-2024-089 ", "Odour", "COMPLAINT", null, "pi-9")).thenReturn(hold);
        when(placement.lotNumberOf(hold)).thenReturn("IL250-2024-089"); // the key is the lot's number as stored

        listener.notify(execution);

        verify(execution).setProcessBusinessKey("IL250-2024-089");
        verify(execution).setVariable("decisionDueAt", Date.from(due));
        for (String field : new String[] {"lotNumber", "reason", "source", "reference"}) {
            verify(execution).removeVariable(field);
        }
    }

    @Test
    void aStartFormFieldMustBeText() {
        when(execution.getVariable("lotNumber")).thenReturn(42);
        InvalidInput refused = catchThrowableOfType(() -> listener.notify(execution), InvalidInput.class);
        assertThat(refused.field()).isEqualTo("lotNumber");
        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        verifyNoInteractions(placement);
    }
}
