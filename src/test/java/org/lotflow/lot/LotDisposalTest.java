package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/** The disposal inputs of a rejected lot, on their own: the form's three methods, a one-line reference never cut. */
class LotDisposalTest {

    @Test
    void aMethodIsOneOfTheFormsChoices() {
        assertThat(LotDisposal.method("DESTROYED")).isEqualTo(LotDisposal.Method.DESTROYED);
        assertThat(LotDisposal.method(" RETURNED_TO_SUPPLIER ")).isEqualTo(
                LotDisposal.Method.RETURNED_TO_SUPPLIER);
        // in any case, as a lot number (auditor 2026-12-06 C-d)
        assertThat(LotDisposal.method("destroyed")).isEqualTo(LotDisposal.Method.DESTROYED);
        assertThatThrownBy(() -> LotDisposal.method("burnt")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("'burnt' is not a disposal method: one of DESTROYED, RETURNED_TO_SUPPLIER");
        // rework is no disposal: the reworked batch would leave the genealogy (auditor 2026-12-06 C-c)
        assertThatThrownBy(() -> LotDisposal.method("REWORKED")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("rework is not recorded as a disposal: a reworked batch must name this lot as"
                        + " its source");
        assertThatThrownBy(() -> LotDisposal.method(null)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> LotDisposal.method(" ")).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("disposalMethod"));
    }

    @Test
    void aReferenceIsOptionalOneLineAndNeverCut() {
        assertThat(LotDisposal.reference(null)).isNull();
        assertThat(LotDisposal.reference("  ")).isNull();
        assertThat(LotDisposal.reference(" WM-1 ")).isEqualTo("WM-1");
        assertThat(LotDisposal.reference("x".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> LotDisposal.reference("x".repeat(201))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("at most 200 characters, was 201 (never cut)");
        assertThatThrownBy(() -> LotDisposal.reference("WM-1\nWM-2")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> LotDisposal.reference("WM-1\u2028second")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> LotDisposal.reference("WM-1 \u202egnp.exe")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("one line");
    }
}
