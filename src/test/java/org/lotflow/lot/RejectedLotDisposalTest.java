package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/** The disposal inputs of a rejected lot, on their own: the form's three methods, a one-line reference never cut. */
class RejectedLotDisposalTest {

    @Test
    void aMethodIsOneOfTheFormsChoices() {
        assertThat(RejectedLotDisposal.method("DESTROYED")).isEqualTo(RejectedLotDisposal.Method.DESTROYED);
        assertThat(RejectedLotDisposal.method(" RETURNED_TO_SUPPLIER ")).isEqualTo(
                RejectedLotDisposal.Method.RETURNED_TO_SUPPLIER);
        assertThatThrownBy(() -> RejectedLotDisposal.method("destroyed")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("'destroyed' is not a disposal method: one of DESTROYED, RETURNED_TO_SUPPLIER,"
                        + " REWORKED");
        assertThatThrownBy(() -> RejectedLotDisposal.method(null)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> RejectedLotDisposal.method(" ")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("disposalMethod"));
    }

    @Test
    void aReferenceIsOptionalOneLineAndNeverCut() {
        assertThat(RejectedLotDisposal.reference(null)).isNull();
        assertThat(RejectedLotDisposal.reference("  ")).isNull();
        assertThat(RejectedLotDisposal.reference(" WM-1 ")).isEqualTo("WM-1");
        assertThat(RejectedLotDisposal.reference("x".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> RejectedLotDisposal.reference("x".repeat(201))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("at most 200 characters, was 201 (never cut)");
        assertThatThrownBy(() -> RejectedLotDisposal.reference("WM-1\nWM-2")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> RejectedLotDisposal.reference("WM-1\u2028second")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> RejectedLotDisposal.reference("WM-1 \u202egnp.exe")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("one line");
    }
}
